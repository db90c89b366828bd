import type { EventContract } from '../message-contract';
import { proposalCreatedSchema } from './proposal';

/** Events of the proposals service. */
export const proposalsEvents = {
  'proposals.proposal.created': { schemaVersion: 1, data: proposalCreatedSchema },
} as const satisfies Record<string, EventContract>;
