import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { recordActivity } from './record-activity';

/**
 * A support taken back: counted on the day of the withdrawal. Its giver already took part when
 * giving it, and stays a participant.
 */
@Injectable()
export class SupportsWithdrawnStatsHandler implements EventHandler<ProcessesDatabase, 'proposals.support.withdrawn'> {
  readonly name = 'processes-stats-supports-withdrawn';
  readonly type = 'proposals.support.withdrawn' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.support.withdrawn'>): Promise<void> {
    const { processId } = event.data;
    return recordActivity(trx, {
      processId,
      occurredAt: event.occurredAt,
      counter: 'supports_withdrawn',
      participantId: null,
    });
  }
}
