import type { ParsedRequestOf, ProcessStats } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { getProcessStats } from './get-process-stats';

@Controller()
export class StatsHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.stats.get')
  get(body: ParsedRequestOf<'processes.stats.get'>, { actor }: RequestContext): Promise<ProcessStats> {
    return getProcessStats(this.db, actor, body.processId);
  }
}
