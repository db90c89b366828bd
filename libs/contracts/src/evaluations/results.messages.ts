import type { MessageContract } from '../message-contract';

/** Messages of the evaluations service about results. */
export const resultsMessages = {} as const satisfies Record<string, MessageContract>;
