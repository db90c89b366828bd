import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { ensureCountRow } from './comment-counts.repository';

/** Learns each published proposal's process, so that its comments need not ask `proposals`. */
@Injectable()
export class ProposalPublishedHandler implements EventHandler<DebatesDatabase, 'proposals.proposal.created'> {
  readonly name = 'debates-commentable-proposals';
  readonly type = 'proposals.proposal.created' as const;

  async handle(trx: Transaction<DebatesDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    await ensureCountRow(trx, {
      resourceType: 'proposal',
      resourceId: event.data.proposalId,
      processId: event.data.processId,
    });
  }
}
