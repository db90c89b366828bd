import { z } from 'zod';
import { listQuerySchema } from '../pagination';

/** What a person may be verified for; `residency` says they live in a territory. */
export const verificationKindSchema = z.enum(['residency']);
export type VerificationKind = z.infer<typeof verificationKindSchema>;

/** How a verification was granted: by a platform admin, by matching a census entry, by a one-time code. */
export const verificationMethodSchema = z.enum(['manual', 'census', 'code']);
export type VerificationMethod = z.infer<typeof verificationMethodSchema>;

const datetime = z.iso.datetime({ offset: true });
/** `true`/`false` from a query string, or a boolean once parsed (the gateway parses before the service does). */
const booleanQuery = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const verificationSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kind: verificationKindSchema,
  /** A territory (from `processes`), or `null`: valid for every territory. */
  territoryId: z.uuid().nullable(),
  method: verificationMethodSchema,
  grantedBy: z.uuid().nullable(),
  grantedAt: datetime,
  expiresAt: datetime.nullable(),
  revokedAt: datetime.nullable(),
  revokedBy: z.uuid().nullable(),
  revokeReason: z.string().nullable(),
  /** Not revoked and not expired. */
  active: z.boolean(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** Where a verification applies and until when; shared by every way of granting one. */
const grantScope = {
  kind: verificationKindSchema,
  territoryId: z.uuid().optional(),
  expiresAt: datetime.optional(),
};

export const grantVerificationRequestSchema = z.strictObject({ personId: z.uuid(), ...grantScope });
export type GrantVerificationRequest = z.input<typeof grantVerificationRequestSchema>;

/** The census CSV: a header, one identifier column, an optional birth date; `;` or `,` separated. */
export const importCensusRequestSchema = z.strictObject({
  ...grantScope,
  csv: z.string().min(1).max(900_000),
  /** Report what would be imported and store nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportCensusRequest = z.input<typeof importCensusRequestSchema>;

export const censusRejectionReasonSchema = z.enum(['empty_identifier', 'bad_date', 'duplicate', 'column_count']);
export type CensusRejectionReason = z.infer<typeof censusRejectionReasonSchema>;

export const censusRejectionSchema = z.object({
  /** The line of the CSV text, from 1 (the header). */
  line: z.number().int().min(1),
  reason: censusRejectionReasonSchema,
  message: z.string(),
});
export type CensusRejection = z.infer<typeof censusRejectionSchema>;

export const censusReportSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows read (the header excluded). */
  rows: z.number().int().min(0),
  /** Rows stored (or that would be, on a dry run). */
  accepted: z.number().int().min(0),
  rejected: z.array(censusRejectionSchema),
});
export type CensusReport = z.infer<typeof censusReportSchema>;

export const verifyByCensusRequestSchema = z.strictObject({
  kind: verificationKindSchema,
  territoryId: z.uuid().optional(),
  identifier: z.string().trim().min(1).max(200),
  /** `YYYY-MM-DD` or `DD/MM/YYYY`; needed when the census entry has one. */
  birthDate: z.string().trim().max(20).optional(),
});

export const createCodesRequestSchema = z.strictObject({
  ...grantScope,
  count: z.number().int().min(1).max(500),
});
export const createdCodesSchema = z.object({
  /** Shown once: only their hashes are stored. */
  codes: z.array(z.string()),
  kind: verificationKindSchema,
  territoryId: z.uuid().nullable(),
  expiresAt: datetime.nullable(),
});
export type CreatedCodes = z.infer<typeof createdCodesSchema>;

export const redeemCodeRequestSchema = z.strictObject({ code: z.string().trim().min(1).max(100) });

export const revokeReasonSchema = z.string().trim().min(1).max(1000);
export const revokeVerificationBodySchema = z.strictObject({ reason: revokeReasonSchema });
export const revokeVerificationRequestSchema = z.strictObject({ id: z.uuid(), reason: revokeReasonSchema });

/** Revoke every active verification of a kind matching the condition (all territories when none is given). */
export const revokeMatchingRequestSchema = z.strictObject({
  kind: verificationKindSchema,
  territoryId: z.uuid().optional(),
  grantedBefore: datetime.optional(),
  method: verificationMethodSchema.optional(),
  reason: revokeReasonSchema.optional(),
});
export const revokedCountSchema = z.object({ count: z.number().int().min(0) });

export const verificationListQuerySchema = listQuerySchema(['recent', 'expiresAt'], 'recent').extend({
  personId: z.uuid().optional(),
  kind: verificationKindSchema.optional(),
  territoryId: z.uuid().optional(),
  method: verificationMethodSchema.optional(),
  active: booleanQuery.optional(),
});
export type VerificationListQuery = z.infer<typeof verificationListQuerySchema>;

export const myVerificationsQuerySchema = listQuerySchema(['recent', 'expiresAt'], 'recent').extend({
  active: booleanQuery.optional(),
});
export type MyVerificationsQuery = z.infer<typeof myVerificationsQuerySchema>;

export const verificationIdSchema = z.strictObject({ id: z.uuid() });

/**
 * Is the person verified for a kind in a territory or a parent one? Without
 * `territoryAncestorIds`, members asks `processes` (which owns territories) for the parents; a
 * caller that already knows them (processes itself) passes them and saves the round trip.
 */
export const verificationCheckRequestSchema = z.strictObject({
  personId: z.uuid(),
  kind: verificationKindSchema,
  territoryId: z.uuid(),
  territoryAncestorIds: z.array(z.uuid()).max(50).optional(),
});
export const verificationCheckSchema = z.object({
  verified: z.boolean(),
  verificationId: z.uuid().nullable(),
  expiresAt: datetime.nullable(),
});
export type VerificationCheck = z.infer<typeof verificationCheckSchema>;

export const verificationGrantedSchema = z.object({
  verificationId: z.uuid(),
  personId: z.uuid(),
  kind: verificationKindSchema,
  territoryId: z.uuid().nullable(),
  method: verificationMethodSchema,
  expiresAt: datetime.nullable(),
});
export const verificationRevokedSchema = z.object({
  verificationId: z.uuid(),
  personId: z.uuid(),
  kind: verificationKindSchema,
  territoryId: z.uuid().nullable(),
  reason: z.string().nullable(),
});
