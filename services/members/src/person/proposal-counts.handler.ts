import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { addToProposalsCount } from './person.repository';

/** Keeps each person's public count of proposals from the proposals service's events. */
@Injectable()
export class ProposalCountsHandler implements EventHandler<MembersDatabase, 'proposals.proposal.created'> {
  readonly name = 'members-proposal-counts';
  readonly type = 'proposals.proposal.created' as const;

  async handle(trx: Transaction<MembersDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    await addToProposalsCount(trx, event.data.authorId, 1);
  }
}
