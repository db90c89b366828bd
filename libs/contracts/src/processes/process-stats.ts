import { z } from 'zod';

export const processStatsCountsSchema = z.object({
  participants: z.number().int().min(0),
  proposals: z.number().int().min(0),
  supports: z.number().int().min(0),
  comments: z.number().int().min(0),
  debates: z.number().int().min(0),
});
export type ProcessStatsCounts = z.infer<typeof processStatsCountsSchema>;

/** A process's participation, kept from the other services' events, with a line per day for a chart. */
export const processStatsSchema = processStatsCountsSchema.extend({
  processId: z.uuid(),
  /**
   * Days with activity (Europe/Paris days), oldest first; `participants` counts people seen for
   * the first time that day, `supports` the supports given that day and `supportsWithdrawn` those
   * taken back that day (the total `supports` is what stands now: given minus withdrawn).
   */
  daily: z.array(processStatsCountsSchema.extend({ date: z.iso.date(), supportsWithdrawn: z.number().int().min(0) })),
});
export type ProcessStats = z.infer<typeof processStatsSchema>;
export type ProcessStatsDay = ProcessStats['daily'][number];
export const processStatsRequestSchema = z.strictObject({ processId: z.uuid() });
