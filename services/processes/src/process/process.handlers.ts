import { DomainError, hasRealmRole, type Page, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { createProcess } from './create-process';
import { maySeeProcess } from './process.policy';
import { findByIdOrSlug, list, toProcess } from './process.repository';
import { publishProcess } from './publish-process';

@Controller()
export class ProcessHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.process.create')
  create(body: ParsedRequestOf<'processes.process.create'>, { actor }: RequestContext): Promise<Process> {
    return createProcess(this.db, actor, body);
  }

  @Handles('processes.process.publish')
  publish(body: ParsedRequestOf<'processes.process.publish'>, { actor }: RequestContext): Promise<Process> {
    return publishProcess(this.db, actor, body.id);
  }

  @Handles('processes.process.get')
  async get(body: ParsedRequestOf<'processes.process.get'>, { actor }: RequestContext): Promise<Process> {
    const row = await findByIdOrSlug(this.db, body.idOrSlug);
    if (!row || !maySeeProcess(actor, row.status)) throw new DomainError('not_found', 'No such process.');
    return toProcess(row);
  }

  @Handles('processes.process.list')
  async list(query: ParsedRequestOf<'processes.process.list'>, { actor }: RequestContext): Promise<Page<Process>> {
    const { rows, total } = await list(this.db, query, hasRealmRole(actor, 'admin'));
    return { data: rows.map(toProcess), meta: { total, page: query.page, perPage: query.perPage } };
  }
}
