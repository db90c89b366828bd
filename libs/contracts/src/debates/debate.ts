import { z } from 'zod';
import { localeSchema } from '../actor';
import { listQuerySchema } from '../pagination';

/** A debate opened, as processes (statistics) and others hear it. */
export const debateCreatedSchema = z.object({
  debateId: z.uuid(),
  /** The process it belongs to, or `null` for a debate outside any process. */
  processId: z.uuid().nullable(),
  authorId: z.uuid(),
});

/** A comment written on any resource (proposal, debate, …). */
export const commentCreatedSchema = z.object({
  commentId: z.uuid(),
  resourceType: z.string().min(1),
  resourceId: z.uuid(),
  /** The process the commented resource belongs to, or `null`. */
  processId: z.uuid().nullable(),
  authorId: z.uuid(),
});

const datetime = z.iso.datetime({ offset: true });

/**
 * A debate's text as shown, by locale: an official debate holds French and maybe English; a
 * participant's debate holds the language it was written in (one key).
 */
export const debateTextSchema = z.object({ fr: z.string().optional(), en: z.string().optional() });
export type DebateText = z.infer<typeof debateTextSchema>;

/**
 * What a writer sends: a text in their language (or in `locale`), or `{ fr, en? }` for content
 * written in both (official debates usually are).
 */
function debateTextInput(min: number, max: number) {
  const text = z.string().trim().min(min).max(max);
  return z.union([text, z.strictObject({ fr: text, en: text.optional() })]);
}
export const debateTitleInputSchema = debateTextInput(15, 150);
export const debateDescriptionInputSchema = debateTextInput(15, 10_000);
/** Instructions and information updates: official debates only. */
export const debateNoticeInputSchema = debateTextInput(1, 10_000);
export const debateConclusionsInputSchema = debateTextInput(10, 10_000);
export type DebateTextInput = z.infer<typeof debateTitleInputSchema>;

/** `open` takes comments (within its time window, if it has one); `closed` takes none and is not edited. */
export const debateStateSchema = z.enum(['open', 'closed']);
export type DebateState = z.infer<typeof debateStateSchema>;

/** News an admin adds to an official debate while it runs. */
export const informationUpdateSchema = z.object({ body: debateTextSchema, addedAt: datetime });
export type InformationUpdate = z.infer<typeof informationUpdateSchema>;

export const debateSchema = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  /** Opened by the process's admins in the name of its organiser. */
  official: z.boolean(),
  title: debateTextSchema,
  description: debateTextSchema,
  instructions: debateTextSchema.nullable(),
  informationUpdates: z.array(informationUpdateSchema),
  themeId: z.uuid().nullable(),
  /** Comments are taken from `startsAt` and until `endsAt` when set. */
  startsAt: datetime.nullable(),
  endsAt: datetime.nullable(),
  /** Who wrote it; for an official debate, the admin, shown under the organiser's name. */
  authorId: z.uuid(),
  authorName: z.string(),
  state: debateStateSchema,
  conclusions: debateTextSchema.nullable(),
  closedAt: datetime.nullable(),
  commentsCount: z.number().int().min(0),
  lastCommentAt: datetime.nullable(),
  createdAt: datetime,
  updatedAt: datetime,
});
export type Debate = z.infer<typeof debateSchema>;

/** Start before end, when both are given. */
function windowInOrder(value: { startsAt?: string | null; endsAt?: string | null }): boolean {
  return !value.startsAt || !value.endsAt || Date.parse(value.startsAt) < Date.parse(value.endsAt);
}
const windowIssue = { message: 'must be after the start time', path: ['endsAt'] };

const debateFields = {
  title: debateTitleInputSchema,
  description: debateDescriptionInputSchema,
  instructions: debateNoticeInputSchema.optional(),
  themeId: z.uuid().nullable().optional(),
  startsAt: datetime.nullable().optional(),
  endsAt: datetime.nullable().optional(),
  /** The language of texts given as plain strings (the writer's by default). */
  locale: localeSchema.optional(),
};

/**
 * `official: true` (the process's admins): in the organiser's name, whatever the phase, with
 * instructions if wanted. Otherwise a participant's debate, when the active phase opens debates.
 */
export const createDebateBodySchema = z
  .strictObject({ official: z.boolean().optional(), ...debateFields })
  .refine(windowInOrder, windowIssue);
export const createDebateRequestSchema = z
  .strictObject({ processId: z.uuid(), official: z.boolean().optional(), ...debateFields })
  .refine(windowInOrder, windowIssue);
export type CreateDebateRequest = z.infer<typeof createDebateRequestSchema>;

const updateFields = {
  title: debateTitleInputSchema.optional(),
  description: debateDescriptionInputSchema.optional(),
  instructions: debateNoticeInputSchema.nullable().optional(),
  themeId: z.uuid().nullable().optional(),
  startsAt: datetime.nullable().optional(),
  endsAt: datetime.nullable().optional(),
  locale: localeSchema.optional(),
  /** Official debates: one more information update, added at the end. */
  informationUpdate: debateNoticeInputSchema.optional(),
};
export const updateDebateBodySchema = z.strictObject(updateFields).refine(windowInOrder, windowIssue);
export const updateDebateRequestSchema = z
  .strictObject({ id: z.uuid(), ...updateFields })
  .refine(windowInOrder, windowIssue);
export type UpdateDebateRequest = z.infer<typeof updateDebateRequestSchema>;

export const closeDebateBodySchema = z.strictObject({
  conclusions: debateConclusionsInputSchema,
  locale: localeSchema.optional(),
});
export const closeDebateRequestSchema = closeDebateBodySchema.extend({ id: z.uuid() });
export type CloseDebateRequest = z.infer<typeof closeDebateRequestSchema>;

export const debateIdSchema = z.strictObject({ id: z.uuid() });

/** `recent`: newest first; `mostCommented`; `lastComment`: the debate commented last first (never commented last). */
export const debateSorts = ['recent', 'mostCommented', 'lastComment'] as const;
export type DebateSort = (typeof debateSorts)[number];

const booleanQuery = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const debateListQuerySchema = listQuerySchema(debateSorts, 'recent').extend({
  processId: z.uuid(),
  /** Words of the title or description, in French or English, accents folded. */
  q: z.string().trim().min(1).max(200).optional(),
  themeId: z.uuid().optional(),
  state: debateStateSchema.optional(),
  /** `official` (the organiser's) or `participant` debates. */
  origin: z.enum(['official', 'participant']).optional(),
  /** The caller's own debates (sign-in needed). */
  mine: booleanQuery.optional(),
  /** Debates the caller commented on (sign-in needed). */
  commentedByMe: booleanQuery.optional(),
});
export type DebateListQuery = z.infer<typeof debateListQuerySchema>;

/** A debate closed (or its conclusions amended) by its author or a process admin. */
export const debateClosedSchema = z.object({
  debateId: z.uuid(),
  processId: z.uuid(),
  authorId: z.uuid(),
  closedBy: z.uuid(),
});
