import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';

export const processStatusSchema = z.enum(['draft', 'published']);
export type ProcessStatus = z.infer<typeof processStatusSchema>;

export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens');

export const processSchema = z.object({
  id: z.uuid(),
  slug: slugSchema,
  title: translatedTextSchema,
  description: translatedTextSchema,
  status: processStatusSchema,
  proposalsCount: z.number().int().min(0),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Process = z.infer<typeof processSchema>;

export const createProcessRequestSchema = z.strictObject({
  title: translatedTextSchema.refine((t) => t.fr.length <= 200 && (t.en ?? '').length <= 200, 'at most 200 characters'),
  description: translatedTextSchema.refine(
    (t) => t.fr.length <= 20_000 && (t.en ?? '').length <= 20_000,
    'at most 20,000 characters',
  ),
  slug: slugSchema.optional(),
  status: processStatusSchema.default('draft'),
});
export type CreateProcessRequest = z.input<typeof createProcessRequestSchema>;

export const processSorts = ['recent', 'createdAt', '-createdAt', 'title', '-title'] as const;
export const processListQuerySchema = listQuerySchema(processSorts, 'recent').extend({
  status: processStatusSchema.optional(),
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
