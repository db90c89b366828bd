import type { MessageContract } from '../message-contract';

/** Messages of the evaluations service about valuation. */
export const valuationMessages = {} as const satisfies Record<string, MessageContract>;
