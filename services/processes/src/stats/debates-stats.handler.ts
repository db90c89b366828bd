import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { recordActivity } from './record-activity';

/** A debate opened in a process: one more debate that day; its author takes part. */
@Injectable()
export class DebatesStatsHandler implements EventHandler<ProcessesDatabase, 'debates.debate.created'> {
  readonly name = 'processes-stats-debates';
  readonly type = 'debates.debate.created' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'debates.debate.created'>): Promise<void> {
    const { processId, authorId } = event.data;
    return recordActivity(trx, {
      processId,
      occurredAt: event.occurredAt,
      counter: 'debates',
      participantId: authorId,
    });
  }
}
