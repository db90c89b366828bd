import type { ActivityEntry, Page, ParsedRequestOf } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { listActivity } from './list-activity';

@Controller()
export class ActivityHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<DebatesDatabase>) {}

  @Handles('debates.activity.list')
  list(query: ParsedRequestOf<'debates.activity.list'>, { actor }: RequestContext): Promise<Page<ActivityEntry>> {
    return listActivity(this.db, actor, query);
  }
}
