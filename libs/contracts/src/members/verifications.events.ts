import type { EventContract } from '../message-contract';
import { verificationGrantedSchema, verificationRevokedSchema } from './verification';

/** Events of the members service about verifications. */
export const verificationsEvents = {
  'members.verification.granted': { schemaVersion: 1, data: verificationGrantedSchema },
  'members.verification.revoked': { schemaVersion: 1, data: verificationRevokedSchema },
} as const satisfies Record<string, EventContract>;
