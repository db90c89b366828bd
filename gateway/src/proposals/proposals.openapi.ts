import {
  endorsementListQuerySchema,
  endorseProposalBodySchema,
  endorsementSchema,
  pageSchema,
  similarProposalsQuerySchema,
  similarProposalsSchema,
  updateProposalBodySchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { proposalListDescription, proposalListQueryDoc, proposalListResponses } from './exports.openapi';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerProposals(registry: OpenAPIRegistry, { Proposal }: Components): void {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals',
    tags: ['proposals'],
    summary: 'Published proposals of every process, filterable by process, or their map',
    description: proposalListDescription,
    request: { query: proposalListQueryDoc },
    responses: proposalListResponses({ Proposal }),
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals/{id}',
    tags: ['proposals'],
    summary: 'One proposal',
    request: { params: z.object({ id: z.uuid() }) },
    responses: { 200: json('The proposal', Proposal), ...problems(400, 404, 503) },
  });
  const proposalRef = { params: z.object({ id: z.uuid() }) };
  const authorOnly = '(its author)';
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/proposals/{id}',
    tags: ['proposals'],
    summary: `Edit a draft at any time, a published proposal within the edit window while unsupported and unanswered ${authorOnly}`,
    security: [{ bearer: [] }],
    request: { ...proposalRef, body: { content: { 'application/json': { schema: updateProposalBodySchema } } } },
    responses: { 200: json('The proposal', Proposal), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/publish',
    tags: ['proposals'],
    summary: `Publish a draft: it gets its reference, within the proposal limit ${authorOnly}`,
    security: [{ bearer: [] }],
    request: proposalRef,
    responses: { 200: json('The published proposal', Proposal), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/withdraw',
    tags: ['proposals'],
    summary: `Withdraw a published proposal for good ${authorOnly}`,
    security: [{ bearer: [] }],
    request: proposalRef,
    responses: { 200: json('The withdrawn proposal', Proposal), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/proposals/{id}',
    tags: ['proposals'],
    summary: `Delete a draft ${authorOnly}`,
    security: [{ bearer: [] }],
    request: proposalRef,
    responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}/proposals/similar',
    tags: ['proposals'],
    summary: 'Up to 5 published proposals of the process like a title and body being written, with a score',
    request: {
      params: z.object({ idOrSlug: z.string() }),
      query: similarProposalsQuerySchema.omit({ processId: true }),
    },
    responses: { 200: json('Similar proposals, best first', similarProposalsSchema), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals/{id}/endorsements',
    tags: ['proposals'],
    summary: 'Who endorses a proposal (public)',
    request: { ...proposalRef, query: endorsementListQuerySchema.omit({ proposalId: true }) },
    responses: { 200: json('A page of endorsements', pageSchema(endorsementSchema)), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/endorsements',
    tags: ['proposals'],
    summary: 'Endorse a published proposal, as yourself or for a verified organisation you belong to',
    security: [{ bearer: [] }],
    request: { ...proposalRef, body: { content: { 'application/json': { schema: endorseProposalBodySchema } } } },
    responses: {
      201: json('The endorsement', endorsementSchema),
      ...problems(400, 401, 403, 404, 409, 422, 503),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/proposals/{id}/endorsements',
    tags: ['proposals'],
    summary: 'Take back your endorsement (`organizationId` for the one given for an organisation)',
    security: [{ bearer: [] }],
    request: { ...proposalRef, query: z.object({ organizationId: z.uuid().optional() }) },
    responses: { 204: { description: 'Taken back' }, ...problems(400, 401, 403, 404, 422, 503) },
  });
}
