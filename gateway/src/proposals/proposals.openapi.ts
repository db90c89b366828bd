import { pageSchema, proposalListQuerySchema } from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerProposals(registry: OpenAPIRegistry, { Proposal }: Components): void {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals',
    tags: ['proposals'],
    summary: 'Published proposals of every process, filterable by process',
    request: { query: proposalListQuerySchema },
    responses: { 200: json('A page of proposals', pageSchema(Proposal)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals/{id}',
    tags: ['proposals'],
    summary: 'One proposal',
    request: { params: z.object({ id: z.uuid() }) },
    responses: { 200: json('The proposal', Proposal), ...problems(400, 404, 503) },
  });
}
