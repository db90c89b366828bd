import { z } from 'zod';

/** The display name every trace of a deleted account shows instead of the person's own. */
export const DELETED_ACCOUNT_NAME = 'Compte supprimé';

/** Asks one service for everything it holds about a person (only that person may ask). */
export const privacyExportRequestSchema = z.object({ personId: z.uuid() });
export type PrivacyExportRequest = z.infer<typeof privacyExportRequestSchema>;

/** One service's answer to an export: its name and its own data about the person. */
export const serviceExportSchema = z.object({
  service: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ServiceExport = z.infer<typeof serviceExportSchema>;

/** The whole export a person downloads: who they are, and each service's answer. */
export const personalDataExportSchema = z.object({
  exportedAt: z.iso.datetime({ offset: true }),
  person: z.record(z.string(), z.unknown()),
  services: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

/** The person deletes their own account (only that person may ask). */
export const deleteAccountRequestSchema = z.object({ personId: z.uuid() });

/** What a deletion did: `deleted` is false when the account was already deleted. */
export const deleteAccountResponseSchema = z.object({
  personId: z.uuid(),
  deleted: z.boolean(),
  deletedAt: z.iso.datetime({ offset: true }),
});
export type DeleteAccountResponse = z.infer<typeof deleteAccountResponseSchema>;

/** Announced once, when an account is deleted: every service anonymises what it holds about them. */
export const personDeletedSchema = z.object({ personId: z.uuid() });
