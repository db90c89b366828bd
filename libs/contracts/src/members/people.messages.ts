import type { MessageContract } from '../message-contract';
import { ensurePersonRequestSchema, getPersonRequestSchema, mePersonSchema } from './person';

/** Messages of the members service about people. */
export const peopleMessages = {
  'members.person.ensure': { request: ensurePersonRequestSchema, response: mePersonSchema },
  'members.person.get': { request: getPersonRequestSchema, response: mePersonSchema },
} as const satisfies Record<string, MessageContract>;
