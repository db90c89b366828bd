import type { EventContract } from '../message-contract';

/** Events of the members service about organisations and memberships. */
export const organizationsEvents = {} as const satisfies Record<string, EventContract>;
