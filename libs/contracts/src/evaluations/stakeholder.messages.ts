import type { MessageContract } from '../message-contract';

/** Messages of the evaluations service about stakeholder. */
export const stakeholderMessages = {} as const satisfies Record<string, MessageContract>;
