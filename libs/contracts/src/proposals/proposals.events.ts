import type { EventContract } from '../message-contract';
import { answerPublishedSchema } from './answer';
import { endorsementChangedSchema } from './endorsement';
import { proposalChangedSchema, proposalCreatedSchema } from './proposal';
import { supportChangedSchema } from './support';

/** Events of the proposals service. */
export const proposalsEvents = {
  /** A proposal was published (drafts announce nothing): counted by processes' statistics. */
  'proposals.proposal.created': { schemaVersion: 1, data: proposalCreatedSchema },
  /** Its author edited a published proposal. */
  'proposals.proposal.updated': { schemaVersion: 1, data: proposalChangedSchema },
  /** Its author withdrew a published proposal. */
  'proposals.proposal.withdrawn': { schemaVersion: 1, data: proposalChangedSchema },
  /** Moderation hid a published proposal: it leaves the counts others keep of proposals. */
  'proposals.proposal.hidden': { schemaVersion: 1, data: proposalChangedSchema },
  /** Moderation showed a hidden proposal again: it is counted again. */
  'proposals.proposal.shown': { schemaVersion: 1, data: proposalChangedSchema },
  'proposals.endorsement.created': { schemaVersion: 1, data: endorsementChangedSchema },
  'proposals.endorsement.deleted': { schemaVersion: 1, data: endorsementChangedSchema },
  'proposals.support.given': { schemaVersion: 1, data: supportChangedSchema },
  'proposals.support.withdrawn': { schemaVersion: 1, data: supportChangedSchema },
  /** An official answer became public (at once, in bulk or by import): its author is to be told. */
  'proposals.answer.published': { schemaVersion: 1, data: answerPublishedSchema },
} as const satisfies Record<string, EventContract>;
