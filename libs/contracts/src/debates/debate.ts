import { z } from 'zod';

/** A debate opened, as processes (statistics) and others hear it. */
export const debateCreatedSchema = z.object({
  debateId: z.uuid(),
  /** The process it belongs to, or `null` for a debate outside any process. */
  processId: z.uuid().nullable(),
  authorId: z.uuid(),
});

/** A comment written on any resource (proposal, debate, …). */
export const commentCreatedSchema = z.object({
  commentId: z.uuid(),
  resourceType: z.string().min(1),
  resourceId: z.uuid(),
  /** The process the commented resource belongs to, or `null`. */
  processId: z.uuid().nullable(),
  authorId: z.uuid(),
});
