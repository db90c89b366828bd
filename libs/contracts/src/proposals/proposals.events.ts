import type { EventContract } from '../message-contract';
import { proposalCreatedSchema } from './proposal';
import { supportChangedSchema } from './support';

/** Events of the proposals service. */
export const proposalsEvents = {
  'proposals.proposal.created': { schemaVersion: 1, data: proposalCreatedSchema },
  'proposals.support.given': { schemaVersion: 1, data: supportChangedSchema },
  'proposals.support.withdrawn': { schemaVersion: 1, data: supportChangedSchema },
} as const satisfies Record<string, EventContract>;
