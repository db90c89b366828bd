import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';

/*
 * Démarche de progrès: after a campaign's review, a subject's improvement actions, each tied to a
 * criterion, with who carries it, by when, and where it stands — followed into the next campaign
 * on the same lineage (the criterion by its stable id).
 */

export const progressActionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const progressActionStatusSchema = z.enum(progressActionStatuses);
export type ProgressActionStatus = z.infer<typeof progressActionStatusSchema>;

export const progressActionSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  lineageId: z.uuid(),
  /** The campaign whose review led to the action. */
  campaignId: z.uuid(),
  criterionStableId: z.uuid(),
  /** The criterion's title in the version of that campaign. */
  criterionTitle: translatedTextSchema,
  title: z.string(),
  description: z.string().nullable(),
  /** Who carries it: a person's or a team's name, as written. */
  owner: z.string(),
  dueOn: z.iso.date(),
  status: progressActionStatusSchema,
  /** Where it stands, in words: why it was dropped, what is left. */
  statusNote: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Due before today and neither done nor dropped. */
  overdue: z.boolean(),
});
export type ProgressAction = z.infer<typeof progressActionSchema>;

const title = z.string().trim().min(1).max(200);
const description = z.string().trim().min(1).max(5_000);
const owner = z.string().trim().min(1).max(120);
const statusNote = z.string().trim().min(1).max(2_000);

export const createProgressActionBodySchema = z.strictObject({
  campaignId: z.uuid(),
  subjectId: z.uuid(),
  /** A criterion of the campaign's framework version. */
  criterionId: z.uuid(),
  title,
  description: description.nullable().optional(),
  owner,
  dueOn: z.iso.date(),
});
export const createProgressActionRequestSchema = createProgressActionBodySchema;

/** The fields given change; `null` clears the description or the note. */
export const updateProgressActionBodySchema = z.strictObject({
  title: title.optional(),
  description: description.nullable().optional(),
  owner: owner.optional(),
  dueOn: z.iso.date().optional(),
  status: progressActionStatusSchema.optional(),
  statusNote: statusNote.nullable().optional(),
});
export const updateProgressActionRequestSchema = updateProgressActionBodySchema.extend({ id: z.uuid() });
export const progressActionIdSchema = z.strictObject({ id: z.uuid() });

/** `due`: the soonest due first; `recent`: the newest first. */
export const progressActionSorts = ['due', 'recent'] as const;
export const progressActionListQuerySchema = listQuerySchema(progressActionSorts, 'due').extend({
  organizationId: z.uuid().optional(),
  lineageId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  status: progressActionStatusSchema.optional(),
});
export type ProgressActionListQuery = z.infer<typeof progressActionListQuerySchema>;
