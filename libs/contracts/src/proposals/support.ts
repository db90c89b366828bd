import { z } from 'zod';

/** A support given or taken back, as processes (statistics) and others hear it. */
export const supportChangedSchema = z.object({
  supportId: z.uuid(),
  proposalId: z.uuid(),
  processId: z.uuid(),
  personId: z.uuid(),
});

/** The caller supports a proposal (`POST /proposals/{id}/supports`), or takes their support back (`DELETE`). */
export const supportRequestSchema = z.strictObject({ proposalId: z.uuid() });
export type SupportRequest = z.infer<typeof supportRequestSchema>;

/**
 * `counted` adds to the proposal's `supportsCount`; `pending` waits until its giver has given the
 * minimum number of supports the process asks of each person.
 */
export const supportStateSchema = z.enum(['counted', 'pending']);
export type SupportState = z.infer<typeof supportStateSchema>;

export const supportSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  processId: z.uuid(),
  personId: z.uuid(),
  state: supportStateSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type Support = z.infer<typeof supportSchema>;

/** What taking a support back did: `null` when the caller was not supporting the proposal. */
export const supportWithdrawalSchema = z.object({ withdrawn: supportSchema.nullable() });
export type SupportWithdrawal = z.infer<typeof supportWithdrawalSchema>;

export const mySupportsRequestSchema = z.strictObject({ processId: z.uuid() });

/** The caller's supports in a process, and where they stand against its quota and minimum. */
export const mySupportsSchema = z.object({
  processId: z.uuid(),
  /** Supports given in the process, pending ones included. */
  given: z.number().int().min(0),
  /** The process's quota per person; `null` when there is none. */
  quota: z.number().int().min(0).nullable(),
  /** Supports still to give before the quota is reached; `null` when there is no quota. */
  remaining: z.number().int().min(0).nullable(),
  /** Supports a person must give before any of theirs count (0: they count at once). */
  minimumSupportsPerPerson: z.number().int().min(0),
  /** Whether the caller's supports count (otherwise they are all pending). */
  counting: z.boolean(),
  /** Newest first. */
  supports: z.array(supportSchema),
});
export type MySupports = z.infer<typeof mySupportsSchema>;
