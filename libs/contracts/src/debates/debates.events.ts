import type { EventContract } from '../message-contract';
import { commentCountChangedSchema } from './comment';
import { commentCreatedSchema, debateClosedSchema, debateCreatedSchema } from './debate';

/** Events of the debates service. */
export const debatesEvents = {
  'debates.debate.created': { schemaVersion: 1, data: debateCreatedSchema },
  /** Closed with conclusions, or its conclusions amended. */
  'debates.debate.closed': { schemaVersion: 1, data: debateClosedSchema },
  'debates.comment.created': { schemaVersion: 1, data: commentCreatedSchema },
  /** A resource's comment count changed: `proposals` shows it on each proposal. */
  'debates.commentCount.changed': { schemaVersion: 1, data: commentCountChangedSchema },
} as const satisfies Record<string, EventContract>;
