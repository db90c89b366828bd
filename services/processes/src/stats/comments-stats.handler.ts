import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { countCreated } from './stats-items';

/** A comment on anything of a process (proposal, debate, …): one more comment that day; its author takes part. */
@Injectable()
export class CommentsStatsHandler implements EventHandler<ProcessesDatabase, 'debates.comment.created'> {
  readonly name = 'processes-stats-comments';
  readonly type = 'debates.comment.created' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'debates.comment.created'>): Promise<void> {
    const { processId, authorId, commentId, resourceType, resourceId } = event.data;
    return countCreated(trx, {
      processId,
      occurredAt: event.occurredAt,
      resourceType: 'comment',
      resourceId: commentId,
      participantId: authorId,
      on: { resourceType, resourceId },
    });
  }
}
