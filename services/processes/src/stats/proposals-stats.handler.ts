import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { recordActivity } from './record-activity';

/** A proposal submitted: one more proposal that day; its author takes part. */
@Injectable()
export class ProposalsStatsHandler implements EventHandler<ProcessesDatabase, 'proposals.proposal.created'> {
  readonly name = 'processes-stats-proposals';
  readonly type = 'proposals.proposal.created' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    const { processId, authorId } = event.data;
    return recordActivity(trx, {
      processId,
      occurredAt: event.occurredAt,
      counter: 'proposals',
      participantId: authorId,
    });
  }
}
