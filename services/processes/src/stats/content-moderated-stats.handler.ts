import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { countModerated } from './stats-items';

/** Content hidden by moderation leaves its day's count (a proposal or debate with its comments); shown, it comes back. */
@Injectable()
export class ContentModeratedStatsHandler implements EventHandler<ProcessesDatabase, 'debates.content.moderated'> {
  readonly name = 'processes-stats-moderation';
  readonly type = 'debates.content.moderated' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'debates.content.moderated'>): Promise<void> {
    const { processId, resourceType, resourceId, hidden, version } = event.data;
    return countModerated(trx, { processId, resourceType, resourceId, hidden, version });
  }
}
