import type { EventContract } from '../message-contract';
import { commentCreatedSchema, debateCreatedSchema } from './debate';

/** Events of the debates service. */
export const debatesEvents = {
  'debates.debate.created': { schemaVersion: 1, data: debateCreatedSchema },
  'debates.comment.created': { schemaVersion: 1, data: commentCreatedSchema },
} as const satisfies Record<string, EventContract>;
