import { z } from 'zod';

/** Official content is written per locale; French is required, English optional. */
export const translatedTextSchema = z.object({
  fr: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});
export type TranslatedText = z.infer<typeof translatedTextSchema>;
