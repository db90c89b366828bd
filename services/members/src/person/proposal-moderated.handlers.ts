import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { addToProposalsCount } from './person.repository';

/** A proposal hidden by moderation leaves its author's public count. */
@Injectable()
export class ProposalHiddenCountsHandler implements EventHandler<MembersDatabase, 'proposals.proposal.hidden'> {
  readonly name = 'members-proposal-counts-hidden';
  readonly type = 'proposals.proposal.hidden' as const;

  async handle(trx: Transaction<MembersDatabase>, event: DomainEvent<'proposals.proposal.hidden'>): Promise<void> {
    await addToProposalsCount(trx, event.data.authorId, -1);
  }
}

/** …and comes back into it when shown again. */
@Injectable()
export class ProposalShownCountsHandler implements EventHandler<MembersDatabase, 'proposals.proposal.shown'> {
  readonly name = 'members-proposal-counts-shown';
  readonly type = 'proposals.proposal.shown' as const;

  async handle(trx: Transaction<MembersDatabase>, event: DomainEvent<'proposals.proposal.shown'>): Promise<void> {
    await addToProposalsCount(trx, event.data.authorId, 1);
  }
}
