import {
  copyProcessBodySchema,
  createPhaseBodySchema,
  createProcessRequestSchema,
  createProposalBodySchema,
  pageSchema,
  processActionSchema,
  processListQuerySchema,
  updatePhaseBodySchema,
  updateProcessBodySchema,
} from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { proposalListDescription, proposalListQueryDoc, proposalListResponses } from '../proposals/exports.openapi';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerProcesses(
  registry: OpenAPIRegistry,
  { Process, Proposal, Phase, PermissionDecision }: Components,
): void {
  const idOrSlug = z.object({ idOrSlug: z.string().meta({ description: 'Process id (UUIDv7) or slug' }) });
  const id = z.object({ id: z.uuid() });
  const phaseRef = z.object({ id: z.uuid(), phaseId: z.uuid() });
  const admins = 'platform administrators and the process’s admins';
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes',
    tags: ['processes'],
    summary: 'Processes the caller may see',
    description:
      'Public processes once published; private ones the caller is invited to; any process where the caller holds ' +
      'a role; everything for platform administrators. `territoryId` includes the territories under it.',
    request: { query: processListQuerySchema },
    responses: { 200: json('A page of processes', pageSchema(Process)), ...problems(400, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes',
    tags: ['processes'],
    summary: 'Create a process (platform administrators)',
    security: [{ bearer: [] }],
    request: { body: body(createProcessRequestSchema) },
    responses: { 201: json('The created process', Process), ...problems(400, 401, 403, 409, 413, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}',
    tags: ['processes'],
    summary: 'One process (404 to whoever may not see it)',
    request: { params: idOrSlug },
    responses: { 200: json('The process', Process), ...problems(404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/processes/{id}',
    tags: ['processes'],
    summary: `Change a process (${admins})`,
    description: 'A change of settings, visibility or territory is announced as `processes.participation.changed`.',
    security: [{ bearer: [] }],
    request: { params: id, body: body(updateProcessBodySchema) },
    responses: { 200: json('The process', Process), ...problems(400, 401, 403, 404, 409, 413, 422, 503) },
  });
  for (const [action, summary, status] of [
    ['publish', 'Publish a draft', 200],
    ['close', 'Close a published process: it stays readable and takes no more participation', 200],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/api/v1/processes/{id}/${action}`,
      tags: ['processes'],
      summary: `${summary} (${admins})`,
      security: [{ bearer: [] }],
      request: { params: id },
      responses: { [status]: json('The process', Process), ...problems(400, 401, 403, 404, 422, 503) },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/copy',
    tags: ['processes'],
    summary: `Start a new draft from a process, with its settings and phases (${admins})`,
    security: [{ bearer: [] }],
    request: { params: id, body: body(copyProcessBodySchema) },
    responses: { 201: json('The copy', Process), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/permissions/{action}',
    tags: ['processes'],
    summary: 'May the caller do this in the process now?',
    description:
      'Always 200: a refusal carries its `reason` (`unauthenticated`, `blocked_person`, `not_invited`, `role_required`, ' +
      '`verification_required`, `process_not_published`, `process_closed`, `phase_closed`, `supports_blocked`, ' +
      '`comments_blocked`) and a message a front end can show. The same reasons are the problem codes of refused writes.',
    request: { params: z.object({ id: z.uuid(), action: processActionSchema }) },
    responses: { 200: json('The decision', PermissionDecision), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/phases',
    tags: ['phases'],
    summary: 'The phases of a process, in order',
    request: { params: id },
    responses: { 200: json('The phases', z.object({ data: z.array(Phase) })), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/phases',
    tags: ['phases'],
    summary: `Add a phase, at the end or at a position (${admins})`,
    description: 'A phase with `autoActivate` becomes the active one by itself at `startsAt`, once.',
    security: [{ bearer: [] }],
    request: { params: id, body: body(createPhaseBodySchema) },
    responses: { 201: json('The phase', Phase), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/processes/{id}/phases/{phaseId}',
    tags: ['phases'],
    summary: `Change a phase: texts, dates, schedule, rules, position (${admins})`,
    security: [{ bearer: [] }],
    request: { params: phaseRef, body: body(updatePhaseBodySchema) },
    responses: { 200: json('The phase', Phase), ...problems(400, 401, 403, 404, 422, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/processes/{id}/phases/{phaseId}',
    tags: ['phases'],
    summary: `Remove an inactive phase (${admins})`,
    security: [{ bearer: [] }],
    request: { params: phaseRef },
    responses: { 204: { description: 'Removed' }, ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/phases/{phaseId}/activate',
    tags: ['phases'],
    summary: `Make a phase the active one (${admins})`,
    security: [{ bearer: [] }],
    request: { params: phaseRef },
    responses: { 200: json('The active phase', Phase), ...problems(400, 401, 403, 404, 422, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}/proposals',
    tags: ['proposals'],
    summary: "A process's proposals, or their map",
    description: proposalListDescription,
    request: { params: idOrSlug, query: proposalListQueryDoc.omit({ processId: true }) },
    responses: proposalListResponses({ Proposal }),
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{idOrSlug}/proposals',
    tags: ['proposals'],
    summary:
      'Submit a proposal (published at once), or keep it as your draft with `draft: true`, when the active phase opens proposals',
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
      body: body(createProposalBodySchema),
    },
    responses: { 201: json('The created proposal', Proposal), ...problems(400, 401, 403, 404, 409, 413, 422, 503) },
  });
}
