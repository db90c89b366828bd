import {
  createTerritoryRequestSchema,
  pageSchema,
  territoryListQuerySchema,
  territoryTreeQuerySchema,
  updateTerritoryBodySchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerTerritories(registry: OpenAPIRegistry, { Territory, TerritoryNode }: Components): void {
  const id = z.object({ id: z.uuid() });
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  const nesting =
    'Types nest from the widest: region, departement, epci, commune, quartier; a territory sits only under a ' +
    'strictly wider one (400 on `parentId` otherwise, and for an unknown parent). The official code is unique per ' +
    'type (409 on `code`) and must look like one: 2 digits for a région, 30/2A/974 for a département, a 9-digit ' +
    'SIREN for an EPCI, 5 characters for a commune.';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/territories',
    tags: ['territories'],
    summary: 'Territories, flat and paged (public)',
    description:
      '`parentId` lists the direct children of a territory (`root`: those without a parent); `within` lists a ' +
      'territory and everything under it; `q` searches names, ignoring case and accents.',
    request: { query: territoryListQuerySchema },
    responses: { 200: json('A page of territories', pageSchema(Territory)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/territories/tree',
    tags: ['territories'],
    summary: 'The territorial tree in one answer, or one territory’s subtree, down to a level (public)',
    request: { query: territoryTreeQuerySchema },
    responses: {
      200: json(
        'The roots, each with its sub-territories, siblings by name',
        z.object({ data: z.array(TerritoryNode) }),
      ),
      ...problems(400, 404, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/territories/{id}',
    tags: ['territories'],
    summary: 'One territory, with its ancestors (root first) for breadcrumbs (public)',
    request: { params: id },
    responses: { 200: json('The territory', Territory), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/territories',
    tags: ['territories'],
    summary: 'Add a territory (platform administrators)',
    description: nesting,
    security: [{ bearer: [] }],
    request: { body: body(createTerritoryRequestSchema) },
    responses: { 201: json('The created territory', Territory), ...problems(400, 401, 403, 409, 413, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/territories/{id}',
    tags: ['territories'],
    summary: 'Rename a territory, change its code or move it with everything under it (platform administrators)',
    description:
      `${nesting} A territory cannot move under itself or one of its sub-territories (409 on \`parentId\`); ` +
      '`parentId: null` makes it a root. Its type does not change.',
    security: [{ bearer: [] }],
    request: { params: id, body: body(updateTerritoryBodySchema) },
    responses: { 200: json('The territory', Territory), ...problems(400, 401, 403, 404, 409, 413, 503) },
  });
}
