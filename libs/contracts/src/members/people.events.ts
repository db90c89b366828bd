import type { EventContract } from '../message-contract';
import { personRegisteredSchema } from './person';

/** Events of the members service about people. */
export const peopleEvents = {
  'members.person.registered': { schemaVersion: 1, data: personRegisteredSchema },
} as const satisfies Record<string, EventContract>;
