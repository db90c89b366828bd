import { z } from 'zod';
import { localeSchema } from '../actor';
import { listQuerySchema } from '../pagination';

export const proposalStateSchema = z.enum(['published']);

export const proposalSchema = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  reference: z.string(),
  title: z.string(),
  body: z.string(),
  locale: localeSchema,
  authorId: z.uuid(),
  authorName: z.string(),
  state: proposalStateSchema,
  createdAt: z.iso.datetime({ offset: true }),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalTitleSchema = z.string().trim().min(15).max(150);
export const proposalBodySchema = z.string().trim().min(1).max(10_000);

export const createProposalBodySchema = z.strictObject({
  title: proposalTitleSchema,
  body: proposalBodySchema,
  locale: localeSchema.optional(),
});
export const createProposalRequestSchema = createProposalBodySchema.extend({ processId: z.uuid() });
export type CreateProposalRequest = z.infer<typeof createProposalRequestSchema>;

export const proposalSorts = ['recent', 'createdAt', '-createdAt', 'title', '-title'] as const;
export const proposalListQuerySchema = listQuerySchema(proposalSorts, 'recent').extend({
  processId: z.uuid().optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;

export const proposalIdSchema = z.object({ id: z.uuid() });

export const proposalCreatedSchema = z.object({
  proposalId: z.uuid(),
  processId: z.uuid(),
  authorId: z.uuid(),
  reference: z.string(),
  title: z.string(),
});
