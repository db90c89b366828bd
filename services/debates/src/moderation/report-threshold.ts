import { loadConfig } from '@convergences/service-runtime';
import { z } from 'zod';

const thresholdSchema = z.object({
  /** How many reports hide a resource until a moderator decides (Decidim's default is 3). */
  MODERATION_REPORT_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(3),
});

/** The platform's report threshold, read from the environment once. */
export const reportThreshold = (): number => loadConfig(thresholdSchema).MODERATION_REPORT_THRESHOLD;
