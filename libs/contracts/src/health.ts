import { z } from 'zod';

export const serviceHealthSchema = z.object({
  service: z.string(),
  status: z.enum(['ok', 'degraded']),
  database: z.boolean(),
  uptimeSeconds: z.number(),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;
