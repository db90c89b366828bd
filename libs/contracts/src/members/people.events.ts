import type { EventContract } from '../message-contract';
import { personBlockedSchema, personRegisteredSchema, personUnblockedSchema, personUpdatedSchema } from './person';

/** Events of the members service about people. */
export const peopleEvents = {
  'members.person.registered': { schemaVersion: 1, data: personRegisteredSchema },
  'members.person.updated': { schemaVersion: 1, data: personUpdatedSchema },
  'members.person.blocked': { schemaVersion: 1, data: personBlockedSchema },
  'members.person.unblocked': { schemaVersion: 1, data: personUnblockedSchema },
} as const satisfies Record<string, EventContract>;
