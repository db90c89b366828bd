import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { httpUrlSchema } from '../members/organization';
import { listQuerySchema } from '../pagination';
import { participationSettingsSchema, phaseRulesSchema } from './phase-rules';

/** `draft` (admins only), `published` (running), `closed` (finished: read only). */
export const processStatusSchema = z.enum(['draft', 'published', 'closed']);
export type ProcessStatus = z.infer<typeof processStatusSchema>;

/** `public`, or `private`: seen only by the people invited to it and its role holders. */
export const processVisibilitySchema = z.enum(['public', 'private']);
export type ProcessVisibility = z.infer<typeof processVisibilitySchema>;

export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

const datetime = z.iso.datetime({ offset: true });

export const processSchema = z.object({
  id: z.uuid(),
  slug: slugSchema,
  title: translatedTextSchema,
  subtitle: translatedTextSchema.nullable(),
  description: translatedTextSchema,
  /** The organisation (from `members`) that runs it. */
  organizerId: z.uuid().nullable(),
  territoryId: z.uuid().nullable(),
  themeIds: z.array(z.uuid()),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  bannerUrl: z.string().nullable(),
  status: processStatusSchema,
  visibility: processVisibilitySchema,
  activePhaseId: z.uuid().nullable(),
  settings: participationSettingsSchema,
  proposalsCount: z.number().int().min(0),
  createdAt: datetime,
  updatedAt: datetime,
  publishedAt: datetime.nullable(),
  closedAt: datetime.nullable(),
});
export type Process = z.infer<typeof processSchema>;

const processTitle = translatedTextSchema.refine(
  (t) => t.fr.length <= 200 && (t.en ?? '').length <= 200,
  'at most 200 characters',
);
const processSubtitle = translatedTextSchema.refine(
  (t) => t.fr.length <= 300 && (t.en ?? '').length <= 300,
  'at most 300 characters',
);
const processDescription = translatedTextSchema.refine(
  (t) => t.fr.length <= 20_000 && (t.en ?? '').length <= 20_000,
  'at most 20,000 characters',
);

/** Start on or before end, when both are given. */
function datesInOrder(value: { startDate?: string | null; endDate?: string | null }): boolean {
  return !value.startDate || !value.endDate || value.startDate <= value.endDate;
}
const datesIssue = { message: 'must not be before the start date', path: ['endDate'] };

const editableFields = {
  subtitle: processSubtitle.nullable().optional(),
  organizerId: z.uuid().nullable().optional(),
  territoryId: z.uuid().nullable().optional(),
  themeIds: z.array(z.uuid()).max(30).optional(),
  startDate: z.iso.date().nullable().optional(),
  endDate: z.iso.date().nullable().optional(),
  bannerUrl: httpUrlSchema.nullable().optional(),
  visibility: processVisibilitySchema.optional(),
  settings: participationSettingsSchema.optional(),
};

export const createProcessRequestSchema = z
  .strictObject({
    title: processTitle,
    description: processDescription,
    slug: slugSchema.optional(),
    status: z.enum(['draft', 'published']).default('draft'),
    ...editableFields,
  })
  .refine(datesInOrder, datesIssue);
export type CreateProcessRequest = z.input<typeof createProcessRequestSchema>;

const updateFields = {
  title: processTitle.optional(),
  description: processDescription.optional(),
  slug: slugSchema.optional(),
  ...editableFields,
};
export const updateProcessBodySchema = z.strictObject(updateFields).refine(datesInOrder, datesIssue);
export const updateProcessRequestSchema = z
  .strictObject({ id: z.uuid(), ...updateFields })
  .refine(datesInOrder, datesIssue);
export type UpdateProcessRequest = z.input<typeof updateProcessRequestSchema>;

/** A copy starts as a draft with the same settings, phases (inactive) and themes. */
export const copyProcessBodySchema = z.strictObject({
  title: processTitle.optional(),
  slug: slugSchema.optional(),
});
export const copyProcessRequestSchema = copyProcessBodySchema.extend({ id: z.uuid() });

export const processSorts = [
  'recent',
  'createdAt',
  '-createdAt',
  'title',
  '-title',
  'startDate',
  '-startDate',
] as const;
export const processListQuerySchema = listQuerySchema(processSorts, 'recent').extend({
  status: processStatusSchema.optional(),
  visibility: processVisibilitySchema.optional(),
  /** Processes of this territory or of any territory under it. */
  territoryId: z.uuid().optional(),
  themeId: z.uuid().optional(),
  organizerId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type ProcessListQuery = z.infer<typeof processListQuerySchema>;

export const processRefSchema = z.object({ idOrSlug: z.string().min(1).max(80) });
export const processIdSchema = z.object({ id: z.uuid() });

export const processChangedSchema = z.object({
  processId: z.uuid(),
  slug: z.string(),
  status: processStatusSchema,
});

/**
 * Everything other services need to apply a process's rules, sent whole on every change of
 * status, visibility, settings, active phase or its rules. `version` grows with each change: a
 * consumer keeps the highest it has seen, whatever order events arrive in.
 */
export const participationSnapshotSchema = z.object({
  processId: z.uuid(),
  version: z.number().int().min(1),
  status: processStatusSchema,
  visibility: processVisibilitySchema,
  territoryId: z.uuid().nullable(),
  activePhaseId: z.uuid().nullable(),
  /** The active phase's rules, or `null` when no phase is active. */
  rules: phaseRulesSchema.nullable(),
  settings: participationSettingsSchema,
});
export type ParticipationSnapshot = z.infer<typeof participationSnapshotSchema>;
export const participationRequestSchema = z.strictObject({ processId: z.uuid() });
