import type { MessageContract } from '../message-contract';

/** Messages of the evaluations service about assessment. */
export const assessmentMessages = {} as const satisfies Record<string, MessageContract>;
