import { pageSchema, proposalListQuerySchema, proposalMapSchema } from '@convergences/contracts';
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { problems } from '../openapi/responses';

/** The proposal lists' query, with the map's `bbox`. */
export const proposalListQueryDoc = proposalListQuerySchema.extend({
  bbox: z
    .string()
    .optional()
    .meta({ description: 'Map only: minLon,minLat,maxLon,maxLat', example: '1.3,43.5,1.6,43.7' }),
});

export const proposalListDescription =
  'Published proposals (`state=withdrawn` or `withdrawn=true`: withdrawn ones; drafts and hidden proposals are never ' +
  'listed). `territoryId` includes the territories under it; `mine` and `supportedByMe` need a sign-in. ' +
  '`sort=random` is stable across pages: seeded by `seed`, else by the signed-in person, else by the day. ' +
  'Where the active phase hides support counts they are `null` and `mostSupported` orders as `recent`. ' +
  'With `Accept: application/geo+json` the answer is a GeoJSON FeatureCollection of the located proposals ' +
  'matching the same filters within `bbox`, streamed, with no pagination.';

/** A page of proposals, or the map of the same query. */
export function proposalListResponses({ Proposal }: Pick<Components, 'Proposal'>): Record<number, ResponseConfig> {
  return {
    200: {
      description: 'A page of proposals, or their map',
      content: {
        'application/json': { schema: pageSchema(Proposal) },
        'application/geo+json': { schema: proposalMapSchema },
      },
    },
    ...problems(400, 401, 404, 503),
  };
}

export function registerExports(registry: OpenAPIRegistry): void {
  const params = z.object({ idOrSlug: z.string() });
  const description =
    "A process's published and withdrawn proposals as open data, streamed (constant memory whatever the size). " +
    'Never drafts nor hidden proposals; answers only once published; support counts empty where the phase hides them. ' +
    "Decidim's open-data names where they overlap (`title/fr`, `votes`, `endorsements/total_count`, …).";
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}/proposals/export.csv',
    tags: ['proposals'],
    summary: "A process's proposals as CSV (`;`, UTF-8 with BOM, formulas neutralised)",
    description,
    request: { params },
    responses: {
      200: {
        description: 'The CSV file (attachment)',
        content: { 'text/csv': { schema: z.string() } },
      },
      ...problems(404, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}/proposals/export.json',
    tags: ['proposals'],
    summary: "A process's proposals as a JSON array",
    description,
    request: { params },
    responses: {
      200: {
        description: 'The JSON file (attachment): an array of open-data proposals',
        content: { 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } },
      },
      ...problems(404, 503),
    },
  });
}
