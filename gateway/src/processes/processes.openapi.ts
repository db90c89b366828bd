import {
  createProcessRequestSchema,
  createProposalBodySchema,
  pageSchema,
  processListQuerySchema,
  proposalListQuerySchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerProcesses(registry: OpenAPIRegistry, { Process, Proposal }: Components): void {
  const idOrSlug = z.object({ idOrSlug: z.string().meta({ description: 'Process id (UUIDv7) or slug' }) });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes',
    tags: ['processes'],
    summary: 'Published processes (administrators also see drafts)',
    request: { query: processListQuerySchema },
    responses: { 200: json('A page of processes', pageSchema(Process)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes',
    tags: ['processes'],
    summary: 'Create a process (platform administrators)',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: createProcessRequestSchema } } } },
    responses: { 201: json('The created process', Process), ...problems(400, 401, 403, 409, 413, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}',
    tags: ['processes'],
    summary: 'One process',
    request: { params: idOrSlug },
    responses: { 200: json('The process', Process), ...problems(404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/publish',
    tags: ['processes'],
    summary: 'Publish a draft process (platform administrators)',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.uuid() }) },
    responses: { 200: json('The published process', Process), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}/proposals',
    tags: ['proposals'],
    summary: "A process's proposals",
    request: { params: idOrSlug, query: proposalListQuerySchema.omit({ processId: true }) },
    responses: { 200: json('A page of proposals', pageSchema(Proposal)), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{idOrSlug}/proposals',
    tags: ['proposals'],
    summary: 'Submit a proposal (any signed-in participant)',
    security: [{ bearer: [] }],
    request: {
      params: idOrSlug,
      headers: z.object({
        'Idempotency-Key': z
          .string()
          .max(200)
          .optional()
          .meta({ description: 'Retrying with the same key returns the first result' }),
      }),
      body: { content: { 'application/json': { schema: createProposalBodySchema } } },
    },
    responses: { 201: json('The created proposal', Proposal), ...problems(400, 401, 404, 413, 422, 503) },
  });
}
