import type { MessageContract } from '../message-contract';

/** Messages of the evaluations service about campaign. */
export const campaignMessages = {} as const satisfies Record<string, MessageContract>;
