import { DomainError, type Debate, type Page, type ParsedRequestOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { assertMaySeeProcessOf } from '../participation/process-visibility';
import { closeDebate, reopenDebate } from './close-debate';
import { createDebate, type DebateDeps } from './create-debate';
import { findDebate, toDebate } from './debate.repository';
import { listDebates } from './list-debates';
import { updateDebate } from './update-debate';

@Controller()
export class DebateHandlers {
  private readonly deps: DebateDeps;

  constructor(@Inject(DATABASE) db: Kysely<DebatesDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services };
  }

  @Handles('debates.debate.create')
  create(body: ParsedRequestOf<'debates.debate.create'>, context: RequestContext): Promise<Debate> {
    return createDebate(this.deps, context, body);
  }

  @Handles('debates.debate.list')
  list(query: ParsedRequestOf<'debates.debate.list'>, context: RequestContext): Promise<Page<Debate>> {
    return listDebates(this.deps, context, query);
  }

  /** A hidden debate, or one of a process the caller may not see, does not exist for them. */
  @Handles('debates.debate.get')
  async get(body: ParsedRequestOf<'debates.debate.get'>, context: RequestContext): Promise<Debate> {
    const row = await findDebate(this.deps.db, body.id);
    if (!row || row.hidden_at) throw new DomainError('not_found', 'No such debate.');
    await assertMaySeeProcessOf(this.deps, context, row.process_id, 'debate');
    return toDebate(row);
  }

  @Handles('debates.debate.update')
  update(body: ParsedRequestOf<'debates.debate.update'>, context: RequestContext): Promise<Debate> {
    return updateDebate(this.deps, context, body);
  }

  @Handles('debates.debate.close')
  close(body: ParsedRequestOf<'debates.debate.close'>, context: RequestContext): Promise<Debate> {
    return closeDebate(this.deps, context, body);
  }

  @Handles('debates.debate.reopen')
  reopen(body: ParsedRequestOf<'debates.debate.reopen'>, context: RequestContext): Promise<Debate> {
    return reopenDebate(this.deps, context, body);
  }
}
