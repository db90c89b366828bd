import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  addValuationNoteBodySchema,
  assignValuatorBodySchema,
  myValuationsQuerySchema,
  pageSchema,
  valuationNoteSchema,
  valuationSchema,
  valuatorAssignmentSchema,
} from '@convergences/contracts';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerValuations(registry: OpenAPIRegistry, { Proposal }: Components): void {
  const proposalId = z.object({ id: z.uuid().meta({ description: 'Proposal id (UUIDv7)' }) });
  const ValuatorAssignment = valuatorAssignmentSchema.meta({ id: 'ValuatorAssignment' });
  const ValuationNote = valuationNoteSchema.meta({ id: 'ValuationNote' });
  const inCharge =
    "For the process's admins and the valuators assigned to the proposal: 403 `forbidden` for another valuator, " +
    '`role_required` for anybody else.';
  const admins = "For the process's admins and platform admins: 403 `role_required` for anybody else.";
  const jsonBody = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/valuations/mine',
    tags: ['valuations'],
    summary: 'The proposals assigned to me in every process where I am a valuator (valuators)',
    description:
      'The proposals assigned to the caller in the processes where they hold the valuator role now (a role taken ' +
      'away takes its proposals off the list); `processId=` keeps one process. 403 `role_required` for a person ' +
      'with no valuator role. Answers held answers too. `unanswered=true` keeps those without an answer; sort ' +
      '`recent`, `assignedAt`, `-assignedAt`.',
    security: [{ bearer: [] }],
    request: { query: myValuationsQuerySchema },
    responses: { 200: json('A page of proposals', pageSchema(Proposal)), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/valuations/mine',
    tags: ['valuations'],
    summary: 'The proposals of a process assigned to me (valuators)',
    description:
      'Needs the valuator role in the process (403 `role_required`). Answers held answers too. `unanswered=true` ' +
      'keeps those without an answer; sort `recent`, `assignedAt`, `-assignedAt`.',
    security: [{ bearer: [] }],
    request: {
      params: z.object({ id: z.uuid() }),
      query: myValuationsQuerySchema.omit({ processId: true }),
    },
    responses: { 200: json('A page of proposals', pageSchema(Proposal)), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/proposals/{id}/valuation',
    tags: ['valuations'],
    summary: 'A proposal as its valuators see it: held answer, valuators, private notes',
    description: inCharge,
    security: [{ bearer: [] }],
    request: { params: proposalId },
    responses: {
      200: json('The valuation', valuationSchema.extend({ proposal: Proposal }).meta({ id: 'Valuation' })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/valuators',
    tags: ['valuations'],
    summary: 'Put a valuator in charge of a proposal',
    description:
      `${admins} The person must hold the valuator role in the process (400 \`validation_failed\` on \`personId\`). ` +
      'Assigning them again answers the assignment as it was.',
    security: [{ bearer: [] }],
    request: { params: proposalId, body: jsonBody(assignValuatorBodySchema) },
    responses: { 201: json('The assignment', ValuatorAssignment), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/proposals/{id}/valuators/{personId}',
    tags: ['valuations'],
    summary: 'Take a valuator off a proposal',
    description: `${admins} 204 also when they were not in charge of it; their notes stay.`,
    security: [{ bearer: [] }],
    request: { params: proposalId.extend({ personId: z.uuid() }) },
    responses: { 204: { description: 'Removed (or not assigned)' }, ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/notes',
    tags: ['valuations'],
    summary: 'Write a private note on a proposal',
    description: `${inCharge} Notes are never public.`,
    security: [{ bearer: [] }],
    request: { params: proposalId, body: jsonBody(addValuationNoteBodySchema) },
    responses: { 201: json('The note', ValuationNote), ...problems(400, 401, 403, 404, 503) },
  });
}
