import { z } from 'zod';
import { debatesEvents } from './debates/debates.events';
import { moderationEvents } from './debates/moderation.events';
import type { EventEnvelope } from './envelope';
import { evaluationsEvents } from './evaluations/evaluations.events';
import { organizationsEvents } from './members/organizations.events';
import { peopleEvents } from './members/people.events';
import { verificationsEvents } from './members/verifications.events';
import type { EventContract } from './message-contract';
import { privacyEvents } from './privacy/privacy.events';
import { processesEvents } from './processes/processes.events';
import { proposalsEvents } from './proposals/proposals.events';

/**
 * Every domain event, by type `<service>.<entity>.<verb>`; its JetStream subject is
 * `events.<type>` (behind an optional per-run prefix).
 */
export const events = {
  ...peopleEvents,
  ...organizationsEvents,
  ...verificationsEvents,
  ...processesEvents,
  ...proposalsEvents,
  ...debatesEvents,
  ...moderationEvents,
  ...evaluationsEvents,
  ...privacyEvents,
} as const satisfies Record<string, EventContract>;

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
