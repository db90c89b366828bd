import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { recordActivity } from './record-activity';

/** A comment on anything of a process (proposal, debate, …): one more comment that day; its author takes part. */
@Injectable()
export class CommentsStatsHandler implements EventHandler<ProcessesDatabase, 'debates.comment.created'> {
  readonly name = 'processes-stats-comments';
  readonly type = 'debates.comment.created' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'debates.comment.created'>): Promise<void> {
    const { processId, authorId } = event.data;
    return recordActivity(trx, {
      processId,
      occurredAt: event.occurredAt,
      counter: 'comments',
      participantId: authorId,
    });
  }
}
