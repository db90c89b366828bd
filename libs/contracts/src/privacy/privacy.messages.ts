import type { MessageContract } from '../message-contract';
import {
  deleteAccountRequestSchema,
  deleteAccountResponseSchema,
  privacyExportRequestSchema,
  serviceExportSchema,
} from './privacy';

/** Messages about personal data: each service exports its own, members deletes the account. */
export const privacyMessages = {
  'members.privacy.export': { request: privacyExportRequestSchema, response: serviceExportSchema },
  'processes.privacy.export': { request: privacyExportRequestSchema, response: serviceExportSchema },
  'proposals.privacy.export': { request: privacyExportRequestSchema, response: serviceExportSchema },
  'debates.privacy.export': { request: privacyExportRequestSchema, response: serviceExportSchema },
  'evaluations.privacy.export': { request: privacyExportRequestSchema, response: serviceExportSchema },
  /** The actor deletes their own account: anonymised, memberships removed; 409 `last_admin` if needed. */
  'members.privacy.delete': { request: deleteAccountRequestSchema, response: deleteAccountResponseSchema },
} as const satisfies Record<string, MessageContract>;
