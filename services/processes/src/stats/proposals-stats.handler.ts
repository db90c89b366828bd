import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { countCreated } from './stats-items';

/** A proposal submitted: one more proposal that day; its author takes part. */
@Injectable()
export class ProposalsStatsHandler implements EventHandler<ProcessesDatabase, 'proposals.proposal.created'> {
  readonly name = 'processes-stats-proposals';
  readonly type = 'proposals.proposal.created' as const;

  handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    const { processId, authorId, proposalId } = event.data;
    return countCreated(trx, {
      processId,
      occurredAt: event.occurredAt,
      resourceType: 'proposal',
      resourceId: proposalId,
      participantId: authorId,
    });
  }
}
