import { z } from 'zod';
import type { EventEnvelope } from './envelope';
import { personRegisteredSchema } from './members/person';
import { processChangedSchema } from './processes/process';
import { proposalCreatedSchema } from './proposals/proposal';

/**
 * Every domain event, by type `<service>.<entity>.<verb>`; its JetStream subject is
 * `events.<type>` (behind an optional per-run prefix).
 */
export const events = {
  'members.person.registered': { schemaVersion: 1, data: personRegisteredSchema },
  'processes.process.created': { schemaVersion: 1, data: processChangedSchema },
  'processes.process.published': { schemaVersion: 1, data: processChangedSchema },
  'proposals.proposal.created': { schemaVersion: 1, data: proposalCreatedSchema },
} as const satisfies Record<string, { schemaVersion: number; data: z.ZodType }>;

export type EventType = keyof typeof events;
export type EventData<T extends EventType> = z.infer<(typeof events)[T]['data']>;
export type DomainEvent<T extends EventType = EventType> = EventEnvelope<EventData<T>> & { type: T };

/** The JetStream subject of an event type. */
export function eventSubject(type: string, prefix = ''): string {
  return `${prefix}events.${type}`;
}

/** The event type of a JetStream subject, given the same prefix. */
export function eventTypeOfSubject(subject: string, prefix = ''): string {
  return subject.slice(`${prefix}events.`.length);
}
