import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { countCreated } from './stats-items';

/** A debate opened in a process: one more debate that day; its author takes part. */
@Injectable()
export class DebatesStatsHandler implements EventHandler<ProcessesDatabase, 'debates.debate.created'> {
  readonly name = 'processes-stats-debates';
  readonly type = 'debates.debate.created' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'debates.debate.created'>): Promise<void> {
    const { processId, authorId, debateId } = event.data;
    return countCreated(trx, {
      processId,
      occurredAt: event.occurredAt,
      resourceType: 'debate',
      resourceId: debateId,
      participantId: authorId,
    });
  }
}
