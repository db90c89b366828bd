import { z } from 'zod';
import { bboxSchema } from '../members/organization';
import { proposalFilters, proposalStateSchema } from './proposal';

/** Points a chunk may carry at most (a NATS message stays well under its 1 MB limit). */
export const MAX_MAP_CHUNK = 2000;

/** The list's filters, within a `bbox` (`minLon,minLat,maxLon,maxLat`): no paging, every located proposal. */
export const proposalMapQuerySchema = z.object({ ...proposalFilters, bbox: bboxSchema.optional() });
export type ProposalMapQuery = z.infer<typeof proposalMapQuerySchema>;

/** The gateway streams the map chunk after chunk (by id), so 10,000 points cost no more than 10. */
export const proposalMapChunkRequestSchema = proposalMapQuerySchema.extend({
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_MAP_CHUNK).default(MAX_MAP_CHUNK),
});
export type ProposalMapChunkRequest = z.infer<typeof proposalMapChunkRequestSchema>;

/** One located proposal, with just what a map marker and its popup need. */
export const proposalFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({
    reference: z.string().nullable(),
    title: z.string(),
    state: proposalStateSchema,
    /** `null` when the active phase hides support counts. */
    supportsCount: z.number().int().min(0).nullable(),
    themeId: z.uuid().nullable(),
  }),
});
export type ProposalFeature = z.infer<typeof proposalFeatureSchema>;

/** Point features only, so that a client-side clusterer (e.g. supercluster) takes it as is. */
export const proposalMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(proposalFeatureSchema),
});
export type ProposalMap = z.infer<typeof proposalMapSchema>;

/** `next` is the id to ask `after` for the following chunk; `null` once every point is sent. */
export const proposalMapChunkSchema = z.object({ features: z.array(proposalFeatureSchema), next: z.uuid().nullable() });
export type ProposalMapChunk = z.infer<typeof proposalMapChunkSchema>;
