import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { addToProposalsCount } from '../process/process.repository';

/** A proposal hidden by moderation leaves its process's count. */
@Injectable()
export class ProposalHiddenCountsHandler implements EventHandler<ProcessesDatabase, 'proposals.proposal.hidden'> {
  readonly name = 'processes-proposal-counts-hidden';
  readonly type = 'proposals.proposal.hidden' as const;

  async handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.proposal.hidden'>): Promise<void> {
    await addToProposalsCount(trx, event.data.processId, -1);
  }
}

/** …and comes back into it when shown again. */
@Injectable()
export class ProposalShownCountsHandler implements EventHandler<ProcessesDatabase, 'proposals.proposal.shown'> {
  readonly name = 'processes-proposal-counts-shown';
  readonly type = 'proposals.proposal.shown' as const;

  async handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'proposals.proposal.shown'>): Promise<void> {
    await addToProposalsCount(trx, event.data.processId, 1);
  }
}
