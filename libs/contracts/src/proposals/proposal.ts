import { z } from 'zod';
import { localeSchema } from '../actor';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';

/** `draft` (its author only), `published`, `withdrawn` by its author (it takes no more supports). */
export const proposalStateSchema = z.enum(['draft', 'published', 'withdrawn']);
export type ProposalState = z.infer<typeof proposalStateSchema>;

/** The answer states every process has; a process may define its own besides (see answers). */
export const builtInAnswerStates = ['evaluating', 'accepted', 'rejected'] as const;

/** The official answer of a proposal, as shown once published. */
export const proposalAnswerSchema = z.object({
  /** `evaluating`, `accepted`, `rejected`, or a state the process defines. */
  state: z.string(),
  body: translatedTextSchema.nullable(),
  costCents: z.number().int().min(0).nullable(),
  costReport: translatedTextSchema.nullable(),
  executionPeriod: z.string().nullable(),
  answeredAt: z.iso.datetime({ offset: true }),
  /** `null` while held (seen by the process's admins and valuators only). */
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ProposalAnswer = z.infer<typeof proposalAnswerSchema>;

export const proposalSchema = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  /** `PROP-2026-000123`; `null` for a draft. */
  reference: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  locale: localeSchema,
  authorId: z.uuid(),
  authorName: z.string(),
  /** Authored by the process's organiser. */
  official: z.boolean(),
  state: proposalStateSchema,
  themeId: z.uuid().nullable(),
  territoryId: z.uuid().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** `null` when the active phase hides support counts. */
  supportsCount: z.number().int().min(0).nullable(),
  endorsementsCount: z.number().int().min(0),
  commentsCount: z.number().int().min(0),
  /** `null` until answered, and for the public until the answer is published. */
  answer: proposalAnswerSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  withdrawnAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalTitleSchema = z.string().trim().min(15).max(150);
export const proposalBodySchema = z.string().trim().min(1).max(10_000);

export const createProposalBodySchema = z.strictObject({
  title: proposalTitleSchema,
  body: proposalBodySchema,
  locale: localeSchema.optional(),
});
export const createProposalRequestSchema = createProposalBodySchema.extend({ processId: z.uuid() });
export type CreateProposalRequest = z.infer<typeof createProposalRequestSchema>;

export const proposalSorts = ['recent', 'createdAt', '-createdAt', 'title', '-title'] as const;
export const proposalListQuerySchema = listQuerySchema(proposalSorts, 'recent').extend({
  processId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;

export const proposalIdSchema = z.object({ id: z.uuid() });

export const proposalCreatedSchema = z.object({
  proposalId: z.uuid(),
  processId: z.uuid(),
  authorId: z.uuid(),
  reference: z.string(),
  title: z.string(),
});
