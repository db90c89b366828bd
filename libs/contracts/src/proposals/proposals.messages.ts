import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import { createProposalRequestSchema, proposalIdSchema, proposalListQuerySchema, proposalSchema } from './proposal';

/** Messages of the proposals service. */
export const proposalsMessages = {
  'proposals.proposal.create': { request: createProposalRequestSchema, response: proposalSchema },
  'proposals.proposal.list': { request: proposalListQuerySchema, response: pageSchema(proposalSchema) },
  'proposals.proposal.get': { request: proposalIdSchema, response: proposalSchema },
} as const satisfies Record<string, MessageContract>;
