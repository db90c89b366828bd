import { z } from 'zod';
import { listQuerySchema } from '../pagination';

/** A person endorses a published proposal as themself, or on behalf of a verified organisation they belong to. */
export const endorseProposalBodySchema = z.strictObject({
  organizationId: z.uuid().optional(),
});
export const endorseProposalRequestSchema = endorseProposalBodySchema.extend({ proposalId: z.uuid() });
export type EndorseProposalRequest = z.infer<typeof endorseProposalRequestSchema>;

/** Takes back the caller's endorsement (as themself, or the one given for `organizationId`). */
export const withdrawEndorsementRequestSchema = endorseProposalRequestSchema;
export type WithdrawEndorsementRequest = z.infer<typeof withdrawEndorsementRequestSchema>;

export const endorsementSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  /** `null` when the person endorses as themself. */
  organizationId: z.uuid().nullable(),
  /** The organisation's name when it endorsed. */
  organizationName: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Endorsement = z.infer<typeof endorsementSchema>;

export const endorsementListQuerySchema = listQuerySchema(['recent', 'createdAt'] as const, 'createdAt').extend({
  proposalId: z.uuid(),
});
export type EndorsementListQuery = z.infer<typeof endorsementListQuerySchema>;

export const endorsementChangedSchema = z.object({
  endorsementId: z.uuid(),
  proposalId: z.uuid(),
  processId: z.uuid(),
  personId: z.uuid(),
  organizationId: z.uuid().nullable(),
});
