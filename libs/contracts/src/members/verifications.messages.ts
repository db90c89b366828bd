import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  censusReportSchema,
  createCodesRequestSchema,
  createdCodesSchema,
  grantVerificationRequestSchema,
  importCensusRequestSchema,
  myVerificationsQuerySchema,
  redeemCodeRequestSchema,
  revokedCountSchema,
  revokeMatchingRequestSchema,
  revokeVerificationRequestSchema,
  verificationCheckRequestSchema,
  verificationCheckSchema,
  verificationIdSchema,
  verificationListQuerySchema,
  verificationSchema,
  verifyByCensusRequestSchema,
} from './verification';

/** Messages of the members service about verifications. */
export const verificationsMessages = {
  /** Platform admins grant a verification by hand. */
  'members.verification.grant': { request: grantVerificationRequestSchema, response: verificationSchema },
  /** Platform admins import a census CSV (only salted hashes are stored); `dryRun` stores nothing. */
  'members.verification.importCensus': { request: importCensusRequestSchema, response: censusReportSchema },
  /** A person verifies themself against an unused census entry. */
  'members.verification.verifyByCensus': { request: verifyByCensusRequestSchema, response: verificationSchema },
  /** Platform admins create one-time codes, shown once. */
  'members.verification.createCodes': { request: createCodesRequestSchema, response: createdCodesSchema },
  /** A person redeems a one-time code. */
  'members.verification.redeemCode': { request: redeemCodeRequestSchema, response: verificationSchema },
  /** Platform admins revoke one verification; revoking a revoked one changes nothing. */
  'members.verification.revoke': { request: revokeVerificationRequestSchema, response: verificationSchema },
  /** Platform admins revoke every active verification matching a condition. */
  'members.verification.revokeMatching': { request: revokeMatchingRequestSchema, response: revokedCountSchema },
  /** Platform admins, or the person it is about. */
  'members.verification.get': { request: verificationIdSchema, response: verificationSchema },
  'members.verification.list': { request: verificationListQuerySchema, response: pageSchema(verificationSchema) },
  'members.verification.listMine': { request: myVerificationsQuerySchema, response: pageSchema(verificationSchema) },
  /** For services: does the person hold a valid verification of a kind for a territory or a parent of it. */
  'members.verification.check': { request: verificationCheckRequestSchema, response: verificationCheckSchema },
} as const satisfies Record<string, MessageContract>;
