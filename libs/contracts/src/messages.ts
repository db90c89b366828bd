import { z } from 'zod';
import { serviceHealthSchema } from './health';
import { ensurePersonRequestSchema, getPersonRequestSchema, mePersonSchema } from './members/person';
import { pageSchema } from './pagination';
import {
  createProcessRequestSchema,
  processIdSchema,
  processListQuerySchema,
  processRefSchema,
  processSchema,
} from './processes/process';
import {
  createProposalRequestSchema,
  proposalIdSchema,
  proposalListQuerySchema,
  proposalSchema,
} from './proposals/proposal';

export const serviceNames = ['members', 'processes', 'proposals', 'debates', 'evaluations'] as const;
export type ServiceName = (typeof serviceNames)[number];

const empty = z.object({});

/**
 * Every request-reply message, by pattern `<service>.<resource>.<action>`:
 * what the caller sends as body and what the service answers.
 */
export const messages = {
  'members.health': { request: empty, response: serviceHealthSchema },
  'members.person.ensure': { request: ensurePersonRequestSchema, response: mePersonSchema },
  'members.person.get': { request: getPersonRequestSchema, response: mePersonSchema },

  'processes.health': { request: empty, response: serviceHealthSchema },
  'processes.process.create': { request: createProcessRequestSchema, response: processSchema },
  'processes.process.list': { request: processListQuerySchema, response: pageSchema(processSchema) },
  'processes.process.get': { request: processRefSchema, response: processSchema },
  'processes.process.publish': { request: processIdSchema, response: processSchema },

  'proposals.health': { request: empty, response: serviceHealthSchema },
  'proposals.proposal.create': { request: createProposalRequestSchema, response: proposalSchema },
  'proposals.proposal.list': { request: proposalListQuerySchema, response: pageSchema(proposalSchema) },
  'proposals.proposal.get': { request: proposalIdSchema, response: proposalSchema },

  'debates.health': { request: empty, response: serviceHealthSchema },
  'evaluations.health': { request: empty, response: serviceHealthSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type MessagePattern = keyof typeof messages;
/** What a caller may send for a pattern (before defaults apply). */
export type RequestOf<P extends MessagePattern> = z.input<(typeof messages)[P]['request']>;
/** What a handler receives for a pattern (after parsing). */
export type ParsedRequestOf<P extends MessagePattern> = z.output<(typeof messages)[P]['request']>;
/** What the service answers for a pattern. */
export type ResponseOf<P extends MessagePattern> = z.output<(typeof messages)[P]['response']>;

/** The health pattern of a service. */
export function healthPattern(service: ServiceName): MessagePattern {
  return `${service}.health` as MessagePattern;
}
