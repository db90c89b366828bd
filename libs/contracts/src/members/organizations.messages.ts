import type { MessageContract } from '../message-contract';

/** Messages of the members service about organisations and memberships. */
export const organizationsMessages = {} as const satisfies Record<string, MessageContract>;
