import { z } from 'zod';
import { translatedTextSchema } from '../i18n';
import { listQuerySchema } from '../pagination';

/** A colour as `#rrggbb`. */
export const colourSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2e7d32')
  .transform((c) => c.toLowerCase());

const themeName = translatedTextSchema.refine(
  (t) => t.fr.length <= 100 && (t.en ?? '').length <= 100,
  'at most 100 characters',
);
const themeDescription = translatedTextSchema.refine(
  (t) => t.fr.length <= 2000 && (t.en ?? '').length <= 2000,
  'at most 2,000 characters',
);

export const themeSchema = z.object({
  id: z.uuid(),
  name: translatedTextSchema,
  description: translatedTextSchema.nullable(),
  colour: z.string(),
  parentId: z.uuid().nullable(),
  position: z.number().int().min(0),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Theme = z.infer<typeof themeSchema>;

export interface ThemeNode {
  id: string;
  name: { fr: string; en?: string };
  colour: string;
  children: ThemeNode[];
}
export const themeNodeSchema: z.ZodType<ThemeNode> = z.lazy(() =>
  z.object({ id: z.uuid(), name: translatedTextSchema, colour: z.string(), children: z.array(themeNodeSchema) }),
);
export const themeTreeSchema = z.object({ data: z.array(themeNodeSchema) });

export const createThemeRequestSchema = z.strictObject({
  name: themeName,
  description: themeDescription.nullable().optional(),
  colour: colourSchema,
  parentId: z.uuid().nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const updateThemeBodySchema = z.strictObject({
  name: themeName.optional(),
  description: themeDescription.nullable().optional(),
  colour: colourSchema.optional(),
  parentId: z.uuid().nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const updateThemeRequestSchema = updateThemeBodySchema.extend({ id: z.uuid() });
export type CreateThemeRequest = z.input<typeof createThemeRequestSchema>;
export type UpdateThemeBody = z.input<typeof updateThemeBodySchema>;

export const themeSorts = ['position', 'name', '-name'] as const;
export const themeListQuerySchema = listQuerySchema(themeSorts, 'position').extend({
  parentId: z.union([z.uuid(), z.literal('root')]).optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type ThemeListQuery = z.infer<typeof themeListQuerySchema>;

export const themeIdSchema = z.strictObject({ id: z.uuid() });

export const themeChangedSchema = z.object({
  themeId: z.uuid(),
  name: translatedTextSchema,
  colour: z.string(),
  parentId: z.uuid().nullable(),
});
