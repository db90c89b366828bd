import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  createProgressActionBodySchema,
  pageSchema,
  progressActionListQuerySchema,
  progressActionSchema,
  updateProgressActionBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerProgressPlans(registry: OpenAPIRegistry): void {
  const ProgressAction = progressActionSchema.meta({ id: 'ProgressAction' });
  const byId = { params: z.object({ id: z.uuid().meta({ description: 'Progress action id (UUIDv7)' }) }) };
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const tags = ['progress-plans'];
  const security = [{ bearer: [] }];
  const readers =
    'Read by the organisation’s members, by the coordinators and committee of any campaign of the lineage where ' +
    'the organisation is a subject, by the peers assigned to it in such a campaign, and by platform admins; an ' +
    'action the caller may not read does not exist for them (404).';
  const writers =
    'Written by the organisation’s members and the campaign’s coordinators (and platform admins): 403 for the ' +
    'other readers.';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/progress-plans',
    tags,
    summary: 'Progress actions (démarche de progrès) the caller may read',
    description:
      `${readers} Filters: \`organizationId\`, \`lineageId\`, \`campaignId\` (recorded in), \`status\`. Sorts: ` +
      '`due` (soonest first, default), `recent`. `overdue`: due before today and neither done nor dropped.',
    security,
    request: { query: progressActionListQuerySchema },
    responses: { 200: json('A page of progress actions', pageSchema(ProgressAction)), ...problems(400, 401, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/progress-plans',
    tags,
    summary: 'Record an improvement action for a subject, on a criterion, after the campaign’s review',
    description:
      `${writers} Only once the campaign is in review or closed (409 \`campaign_state\` with \`details.status\`). ` +
      '`criterionId` is a criterion of the campaign’s framework version (400 otherwise); the action keeps its ' +
      'stable id, so the next campaign on the lineage shows it. A retry with the same `Idempotency-Key` answers ' +
      'the first action.',
    security,
    request: {
      ...jsonBody(createProgressActionBodySchema),
      headers: z.object({ 'Idempotency-Key': z.string().max(200).optional() }),
    },
    responses: { 201: json('The action', ProgressAction), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/progress-plans/{id}',
    tags,
    summary: 'A progress action',
    description: readers,
    security,
    request: byId,
    responses: { 200: json('The action', ProgressAction), ...problems(400, 401, 404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/progress-plans/{id}',
    tags,
    summary: 'Follow up a progress action: texts, owner, due date, status and a note on where it stands',
    description:
      'By the organisation’s members now and the coordinators of the campaign it was recorded in (and platform ' +
      'admins), at any time, also during the next campaign; 403 for its other readers. `null` clears the ' +
      'description or the note.',
    security,
    request: { ...byId, ...jsonBody(updateProgressActionBodySchema) },
    responses: { 200: json('The action', ProgressAction), ...problems(400, 401, 403, 404, 503) },
  });
}
