import type { EventContract } from '../message-contract';
import { personDeletedSchema } from './privacy';

/** Events about personal data. */
export const privacyEvents = {
  'members.person.deleted': { schemaVersion: 1, data: personDeletedSchema },
} as const satisfies Record<string, EventContract>;
