import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { activityEntrySchema, activityListQuerySchema, pageSchema } from '@convergences/contracts';
import { json, problems } from '../openapi/responses';

export function registerActivity(registry: OpenAPIRegistry): void {
  const ActivityEntry = activityEntrySchema.meta({ id: 'ActivityEntry' });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/activity',
    tags: ['moderation'],
    summary: 'The activity log: every moderation and administration action',
    description:
      'Platform admins only (403). Who (`actorId`, `actorName`; `null` for the platform itself), what (`action`, ' +
      'e.g. `comment.hidden`, `person.blocked`, `role.granted`, `process.published`, `answer.published`), which ' +
      'resource, in which process, when and why. Filters `service`, `action`, `actorId`, `resourceType`, ' +
      '`resourceId`, `processId`, `from`, `to` (ISO 8601, `to` excluded); sorts `recent` (default), `oldest`.',
    security: [{ bearer: [] }],
    request: { query: activityListQuerySchema },
    responses: { 200: json('A page of the log', pageSchema(ActivityEntry)), ...problems(400, 401, 403, 503) },
  });
}
