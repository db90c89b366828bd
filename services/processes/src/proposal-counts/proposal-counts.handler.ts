import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { addToProposalsCount } from '../process/process.repository';

/** Keeps each process's proposal count from the proposals service's events. */
@Injectable()
export class ProposalCountsHandler implements EventHandler<ProcessesDatabase, 'proposals.proposal.created'> {
  readonly name = 'processes-proposal-counts';
  readonly type = 'proposals.proposal.created' as const;

  async handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    await addToProposalsCount(trx, event.data.processId, 1);
  }
}
