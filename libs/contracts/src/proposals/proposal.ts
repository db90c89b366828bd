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

/** Where a proposal is about: a theme, a territory within the process's, and a place where the process enables geolocation. */
export const proposalPlacementFields = {
  themeId: z.uuid().nullable().optional(),
  territoryId: z.uuid().nullable().optional(),
  address: z.string().trim().min(1).max(500).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
};

export const createProposalBodySchema = z.strictObject({
  title: proposalTitleSchema,
  body: proposalBodySchema,
  locale: localeSchema.optional(),
  ...proposalPlacementFields,
  /** `true`: keep it as the author's open draft in the process (answered if one is open already); otherwise published at once. */
  draft: z.boolean().optional(),
});
export const createProposalRequestSchema = createProposalBodySchema.extend({ processId: z.uuid() });
export type CreateProposalRequest = z.infer<typeof createProposalRequestSchema>;

/** What an author may change: a draft at any time, a published proposal within the edit window. */
export const updateProposalBodySchema = z.strictObject({
  title: proposalTitleSchema.optional(),
  body: proposalBodySchema.optional(),
  locale: localeSchema.optional(),
  ...proposalPlacementFields,
});
export const updateProposalRequestSchema = updateProposalBodySchema.extend({ id: z.uuid() });
export type UpdateProposalRequest = z.infer<typeof updateProposalRequestSchema>;

/** Published proposals of a process that look like the one being written. */
export const similarProposalsQuerySchema = z.strictObject({
  processId: z.uuid(),
  title: z.string().trim().min(3).max(150),
  body: z.string().trim().max(10_000).optional(),
  /** Left out of the answer (the proposal being edited). */
  excludeId: z.uuid().optional(),
});
export type SimilarProposalsQuery = z.infer<typeof similarProposalsQuerySchema>;
export const similarProposalSchema = proposalSchema.extend({
  /** 0 to 1: title trigram similarity and full-text rank combined. */
  score: z.number().min(0).max(1),
});
export const similarProposalsSchema = z.object({ data: z.array(similarProposalSchema).max(5) });
export type SimilarProposals = z.infer<typeof similarProposalsSchema>;

/**
 * `random` is stable for a person across pages (seeded by who asks, or `seed`); `mostSupported`
 * falls back to `recent` where the active phase hides support counts.
 */
export const proposalSorts = [
  'recent',
  'createdAt',
  '-createdAt',
  'title',
  '-title',
  'random',
  'mostSupported',
  'mostEndorsed',
  'mostCommented',
] as const;
export type ProposalSort = (typeof proposalSorts)[number];

const booleanQuery = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** What lists, the map and exports filter on. Drafts are never listed: their author sees them one by one. */
export const proposalFilters = {
  processId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  themeId: z.uuid().optional(),
  /** Proposals of this territory or of any territory under it. */
  territoryId: z.uuid().optional(),
  /** `published` (the default) or `withdrawn`. */
  state: z.enum(['published', 'withdrawn']).optional(),
  /** As in Decidim: `true` lists only withdrawn proposals (the same as `state=withdrawn`). */
  withdrawn: booleanQuery.optional(),
  /** The caller's own proposals (sign-in needed). */
  mine: booleanQuery.optional(),
  /** Proposals the caller supports (sign-in needed). */
  supportedByMe: booleanQuery.optional(),
};

export const proposalListQuerySchema = listQuerySchema(proposalSorts, 'recent').extend({
  ...proposalFilters,
  /** Seeds `sort=random` for anonymous callers (signed-in people are seeded by who they are). */
  seed: z.string().trim().min(1).max(64).optional(),
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

export const proposalChangedSchema = z.object({
  proposalId: z.uuid(),
  processId: z.uuid(),
  authorId: z.uuid(),
  reference: z.string(),
  title: z.string(),
});
