import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { recordActivity } from './record-activity';

/** A support given: one more support that day; its giver takes part. */
@Injectable()
export class SupportsGivenStatsHandler implements EventHandler<ProcessesDatabase, 'proposals.support.given'> {
  readonly name = 'processes-stats-supports-given';
  readonly type = 'proposals.support.given' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.support.given'>): Promise<void> {
    const { processId, personId } = event.data;
    return recordActivity(trx, {
      processId,
      occurredAt: event.occurredAt,
      counter: 'supports',
      participantId: personId,
    });
  }
}
