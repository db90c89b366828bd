import { z } from 'zod';

/** A support given or taken back, as processes (statistics) and others hear it. */
export const supportChangedSchema = z.object({
  supportId: z.uuid(),
  proposalId: z.uuid(),
  processId: z.uuid(),
  personId: z.uuid(),
});
