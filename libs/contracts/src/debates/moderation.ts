import { z } from 'zod';
import { listQuerySchema } from '../pagination';

const datetime = z.iso.datetime({ offset: true });

/** What can be reported: content (proposals, debates, comments) and people. */
export const reportableTypes = ['proposal', 'debate', 'comment', 'person'] as const;
export const reportableTypeSchema = z.enum(reportableTypes);
export type ReportableType = z.infer<typeof reportableTypeSchema>;

/** Why someone reports: Decidim's three reasons. */
export const reportReasons = ['spam', 'offensive', 'does_not_belong'] as const;
export const reportReasonSchema = z.enum(reportReasons);
export type ReportReason = z.infer<typeof reportReasonSchema>;

/** The longest details a report takes. */
export const REPORT_DETAILS_MAX_LENGTH = 1000;
/** The longest justification a moderator writes when hiding, unhiding or dismissing. */
export const MODERATION_JUSTIFICATION_MAX_LENGTH = 1000;

/**
 * Why something is hidden: automatically once it reached the report threshold (`reports`), by a
 * moderator (`moderator`), or with its author's block (`block`, undone by unblocking).
 */
export const hiddenCauses = ['reports', 'moderator', 'block'] as const;
export const hiddenCauseSchema = z.enum(hiddenCauses);
export type HiddenCause = z.infer<typeof hiddenCauseSchema>;

/** Where a moderation stands: reports waiting for a moderator, hidden, or nothing pending. */
export const moderationStates = ['reported', 'hidden', 'cleared'] as const;
export const moderationStateSchema = z.enum(moderationStates);
export type ModerationState = z.infer<typeof moderationStateSchema>;

export const createReportRequestSchema = z.strictObject({
  resourceType: reportableTypeSchema,
  resourceId: z.uuid(),
  reason: reportReasonSchema,
  details: z.string().trim().max(REPORT_DETAILS_MAX_LENGTH).optional(),
});
export type CreateReportRequest = z.infer<typeof createReportRequestSchema>;

/** One person's report on a resource. */
export const reportSchema = z.object({
  id: z.uuid(),
  moderationId: z.uuid(),
  resourceType: reportableTypeSchema,
  resourceId: z.uuid(),
  reporterId: z.uuid(),
  reason: reportReasonSchema,
  details: z.string().nullable(),
  createdAt: datetime,
  /** Set when a moderator dismissed the reports it was among. */
  dismissedAt: datetime.nullable(),
});
export type Report = z.infer<typeof reportSchema>;

/** Pending reports by reason. */
export const reportReasonCountsSchema = z.object({
  spam: z.number().int().min(0),
  offensive: z.number().int().min(0),
  does_not_belong: z.number().int().min(0),
});

/**
 * A reported (or moderated) resource as moderators see it: what it says (as it was at the last
 * report or action), who wrote it, its pending reports by reason, and whether it is hidden and why.
 */
export const moderationSchema = z.object({
  id: z.uuid(),
  resourceType: reportableTypeSchema,
  resourceId: z.uuid(),
  /** The process it belongs to; `null` for people and content outside any process. */
  processId: z.uuid().nullable(),
  /** For a comment: what it is written on. */
  parentResource: z.object({ resourceType: z.enum(['proposal', 'debate']), resourceId: z.uuid() }).nullable(),
  authorId: z.uuid().nullable(),
  /** The content shown in place: a title and/or a text. */
  title: z.string().nullable(),
  excerpt: z.string().nullable(),
  state: moderationStateSchema,
  /** Reports not dismissed yet. */
  reportsCount: z.number().int().min(0),
  reasons: reportReasonCountsSchema,
  lastReportedAt: datetime.nullable(),
  hiddenAt: datetime.nullable(),
  hiddenBy: z.uuid().nullable(),
  hiddenCause: hiddenCauseSchema.nullable(),
  justification: z.string().nullable(),
  createdAt: datetime,
  updatedAt: datetime,
});
export type Moderation = z.infer<typeof moderationSchema>;

/** One moderation with every report on it, dismissed ones included. */
export const moderationDetailSchema = moderationSchema.extend({ reports: z.array(reportSchema) });
export type ModerationDetail = z.infer<typeof moderationDetailSchema>;

export const moderationSorts = ['mostReported', 'recent', 'oldest'] as const;
export const moderationListQuerySchema = listQuerySchema(moderationSorts, 'mostReported').extend({
  /** `reported` (default): reports waiting; `hidden`: hidden content; `all`. */
  state: z.enum(['reported', 'hidden', 'all']).default('reported'),
  resourceType: reportableTypeSchema.optional(),
  /** Process moderators see their processes' content; platform admins everything, or one process. */
  processId: z.uuid().optional(),
  hiddenCause: hiddenCauseSchema.optional(),
});
export type ModerationListQuery = z.infer<typeof moderationListQuerySchema>;

export const moderationIdSchema = z.strictObject({ id: z.uuid() });

const justificationSchema = z.string().trim().min(1).max(MODERATION_JUSTIFICATION_MAX_LENGTH);

/** A moderator's decision on a moderation, with an optional justification (told to the author when hiding). */
export const moderationActionBodySchema = z.strictObject({ justification: justificationSchema.optional() });
export const moderationActionRequestSchema = moderationIdSchema.extend(moderationActionBodySchema.shape);

/** A resource hidden or shown again: `proposals` applies it; a later notification tells the author why. */
export const resourceModeratedSchema = z.object({
  moderationId: z.uuid(),
  resourceType: z.enum(['proposal', 'debate', 'comment']),
  resourceId: z.uuid(),
  processId: z.uuid().nullable(),
  authorId: z.uuid().nullable(),
  hidden: z.boolean(),
  cause: hiddenCauseSchema.nullable(),
  /** The reasons reported, most frequent first, and the moderator's justification. */
  reasons: z.array(reportReasonSchema),
  justification: z.string().nullable(),
  /** Grows with each hiding or showing of the resource: an older event never undoes a newer one. */
  version: z.number().int().min(1),
});
export type ResourceModerated = z.infer<typeof resourceModeratedSchema>;
