import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';
import { dimensionSchema, frameworkDescriptionInputSchema, frameworkTitleInputSchema } from './framework-tree';

const datetime = z.iso.datetime({ offset: true });

/**
 * `draft`: being written by its editors, read by them and platform admins only; `adopted`:
 * frozen for good, read by anyone, what campaigns use.
 */
export const frameworkStatusSchema = z.enum(['draft', 'adopted']);
export type FrameworkStatus = z.infer<typeof frameworkStatusSchema>;

/** One version of a framework, without its tree (as lists show it). */
export const frameworkSummarySchema = z.object({
  id: z.uuid(),
  /** Every version of the same framework shares its lineage. */
  lineageId: z.uuid(),
  /** 1, 2, …: a draft holds the number it will be adopted as. */
  version: z.number().int().min(1),
  status: frameworkStatusSchema,
  title: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  /** The participatory process where it is co-built (criteria proposed as proposals), or `null`. */
  processId: z.uuid().nullable(),
  /** The adopted version this one started as a copy of; `null` for a first version. */
  basedOnId: z.uuid().nullable(),
  dimensionsCount: z.number().int().min(0),
  criteriaCount: z.number().int().min(0),
  indicatorsCount: z.number().int().min(0),
  createdBy: z.uuid(),
  createdAt: datetime,
  updatedAt: datetime,
  adoptedAt: datetime.nullable(),
  adoptedBy: z.uuid().nullable(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

/** One version of a framework with its whole tree, each level in its order. */
export const frameworkSchema = frameworkSummarySchema.extend({ dimensions: z.array(dimensionSchema) });
export type Framework = z.infer<typeof frameworkSchema>;

/** Platform admins create a framework: version 1 of a new lineage, a draft. */
export const createFrameworkBodySchema = z.strictObject({
  title: frameworkTitleInputSchema,
  description: frameworkDescriptionInputSchema.nullable().optional(),
  processId: z.uuid().nullable().optional(),
});
export const createFrameworkRequestSchema = createFrameworkBodySchema;
export const updateFrameworkBodySchema = z.strictObject({
  title: frameworkTitleInputSchema.optional(),
  description: frameworkDescriptionInputSchema.nullable().optional(),
  /** Attach the draft to a process (it must exist), or detach it with `null`. */
  processId: z.uuid().nullable().optional(),
});
export const updateFrameworkRequestSchema = updateFrameworkBodySchema.extend({ id: z.uuid() });
export const frameworkIdSchema = z.strictObject({ id: z.uuid() });

/** `recent`: the newest version first; `title`: by French title. */
export const frameworkSorts = ['recent', 'title'] as const;
export const frameworkListQuerySchema = listQuerySchema(frameworkSorts, 'recent').extend({
  status: frameworkStatusSchema.optional(),
  processId: z.uuid().optional(),
  lineageId: z.uuid().optional(),
  /** A piece of the title or description, in French or English, accents and case folded. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type FrameworkListQuery = z.infer<typeof frameworkListQuerySchema>;

/** The versions of a framework's lineage that the caller may read. */
export const frameworkVersionsQuerySchema = listQuerySchema(['-version', 'version'], '-version').extend({
  id: z.uuid(),
});

/** Announced once a version is adopted: frozen from now on. */
export const frameworkAdoptedSchema = z.object({
  frameworkId: z.uuid(),
  lineageId: z.uuid(),
  version: z.number().int().min(1),
  processId: z.uuid().nullable(),
});

/** What adoption finds missing: where, and what. */
export const frameworkGapSchema = z.object({
  dimensionId: z.uuid().optional(),
  criterionId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
  message: z.string(),
});
export type FrameworkGap = z.infer<typeof frameworkGapSchema>;
