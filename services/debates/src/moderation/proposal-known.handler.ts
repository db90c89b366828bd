import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { DebatesDatabase } from '../db/schema';

/** Learns each published proposal's author, so that blocking a person can hide their proposals too. */
@Injectable()
export class ProposalKnownHandler implements EventHandler<DebatesDatabase, 'proposals.proposal.created'> {
  readonly name = 'debates-moderation-proposals';
  readonly type = 'proposals.proposal.created' as const;

  async handle(trx: Transaction<DebatesDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    const { proposalId, processId, authorId, title } = event.data;
    await trx
      .insertInto('known_proposals')
      .values({ proposal_id: proposalId, process_id: processId, author_id: authorId, title })
      .onConflict((oc) => oc.column('proposal_id').doNothing())
      .execute();
  }
}
