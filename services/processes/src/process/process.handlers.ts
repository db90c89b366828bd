import { DomainError, hasRealmRole, type Page, type ParsedRequestOf, type Process } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { maySeeProcess } from '../access/process-access';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { closeProcess } from './close-process';
import { copyProcess } from './copy-process';
import { createProcess, type ProcessDeps } from './create-process';
import { findByIdOrSlug, list, toProcess } from './process.repository';
import { publishProcess } from './publish-process';
import { updateProcess } from './update-process';

@Controller()
export class ProcessHandlers {
  private readonly deps: ProcessDeps;

  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>,
    @Inject(SERVICE_CLIENT) services: ServiceClient,
  ) {
    this.deps = { db, services };
  }

  @Handles('processes.process.create')
  create(body: ParsedRequestOf<'processes.process.create'>, context: RequestContext): Promise<Process> {
    return createProcess(this.deps, context, body);
  }

  @Handles('processes.process.update')
  update(body: ParsedRequestOf<'processes.process.update'>, context: RequestContext): Promise<Process> {
    return updateProcess(this.deps, context, body);
  }

  @Handles('processes.process.publish')
  publish(body: ParsedRequestOf<'processes.process.publish'>, context: RequestContext): Promise<Process> {
    return publishProcess(this.deps, context, body.id);
  }

  @Handles('processes.process.close')
  close(body: ParsedRequestOf<'processes.process.close'>, context: RequestContext): Promise<Process> {
    return closeProcess(this.deps, context, body.id);
  }

  @Handles('processes.process.copy')
  copy(body: ParsedRequestOf<'processes.process.copy'>, context: RequestContext): Promise<Process> {
    return copyProcess(this.deps, context, body);
  }

  /** One process, to whoever may see it; to anybody else it does not exist. */
  @Handles('processes.process.get')
  async get(body: ParsedRequestOf<'processes.process.get'>, { actor }: RequestContext): Promise<Process> {
    const row = await findByIdOrSlug(this.db, body.idOrSlug);
    if (!row || !maySeeProcess(actor, row, await standingIn(this.db, row.id, actor?.personId))) {
      throw new DomainError('not_found', 'No such process.');
    }
    return toProcess(row);
  }

  @Handles('processes.process.list')
  async list(query: ParsedRequestOf<'processes.process.list'>, { actor }: RequestContext): Promise<Page<Process>> {
    const { rows, total } = await list(this.db, query, actor, hasRealmRole(actor, 'admin'));
    return { data: rows.map(toProcess), meta: { total, page: query.page, perPage: query.perPage } };
  }
}
