import { z } from 'zod';
import { debatesMessages } from './debates/debates.messages';
import { moderationMessages } from './debates/moderation.messages';
import { evaluationsMessages } from './evaluations/evaluations.messages';
import { serviceHealthSchema } from './health';
import { organizationsMessages } from './members/organizations.messages';
import { peopleMessages } from './members/people.messages';
import { verificationsMessages } from './members/verifications.messages';
import type { MessageContract } from './message-contract';
import { emptyRequestSchema } from './pagination';
import { privacyMessages } from './privacy/privacy.messages';
import { processesMessages } from './processes/processes.messages';
import { proposalsMessages } from './proposals/proposals.messages';

export const serviceNames = ['members', 'processes', 'proposals', 'debates', 'evaluations'] as const;
export type ServiceName = (typeof serviceNames)[number];

/**
 * Every request-reply message, by pattern `<service>.<resource>.<action>`: what the caller sends
 * as body and what the service answers. Each service's messages are listed beside its schemas.
 */
export const messages = {
  'members.health': { request: emptyRequestSchema, response: serviceHealthSchema },
  'processes.health': { request: emptyRequestSchema, response: serviceHealthSchema },
  'proposals.health': { request: emptyRequestSchema, response: serviceHealthSchema },
  'debates.health': { request: emptyRequestSchema, response: serviceHealthSchema },
  'evaluations.health': { request: emptyRequestSchema, response: serviceHealthSchema },
  ...peopleMessages,
  ...organizationsMessages,
  ...verificationsMessages,
  ...processesMessages,
  ...proposalsMessages,
  ...debatesMessages,
  ...moderationMessages,
  ...evaluationsMessages,
  ...privacyMessages,
} as const satisfies Record<string, MessageContract>;

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
