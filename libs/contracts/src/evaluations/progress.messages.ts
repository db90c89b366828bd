import type { MessageContract } from '../message-contract';

/** Messages of the evaluations service about progress. */
export const progressMessages = {} as const satisfies Record<string, MessageContract>;
