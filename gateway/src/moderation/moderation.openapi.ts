import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  createReportRequestSchema,
  moderationActionBodySchema,
  moderationDetailSchema,
  moderationListQuerySchema,
  moderationSchema,
  pageSchema,
  reportSchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerModeration(registry: OpenAPIRegistry): void {
  const Report = reportSchema.meta({ id: 'Report' });
  const Moderation = moderationSchema.meta({ id: 'Moderation' });
  const ModerationDetail = moderationDetailSchema.meta({ id: 'ModerationDetail' });
  const ref = { params: z.object({ id: z.uuid() }) };
  const who =
    'A process’s content is moderated by its moderators and admins (403 `role_required` otherwise), people and ' +
    'content outside processes by platform admins (403 `forbidden`).';

  registry.registerPath({
    method: 'post',
    path: '/api/v1/reports',
    tags: ['moderation'],
    summary: 'Report a proposal, debate, comment or person',
    description:
      '`reason`: `spam`, `offensive` or `does_not_belong`; `details` up to 1,000 characters. One report per person and ' +
      'resource (409 `already_reported`); nobody reports their own content or themselves (403); what the caller cannot ' +
      'see, or what is hidden, is 404. When the resource reaches the platform’s threshold (3 by default) it is hidden ' +
      'until a moderator decides — exactly once, however many reports arrive together. A retry with the same ' +
      '`Idempotency-Key` answers the first report.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: createReportRequestSchema } } } },
    responses: { 201: json('The report', Report), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/moderations',
    tags: ['moderation'],
    summary: 'The moderation queue',
    description:
      'What the caller moderates: platform admins everything, process moderators (and admins) their processes’ ' +
      'content. `state`: `reported` (default: pending reports, shown), `hidden`, `all`; filters `resourceType`, ' +
      '`processId`, `hiddenCause` (`reports`, `moderator`, `block`); sorts `mostReported` (default), `recent`, `oldest`.',
    security: [{ bearer: [] }],
    request: { query: moderationListQuerySchema },
    responses: { 200: json('A page of moderations', pageSchema(Moderation)), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/moderations/{id}',
    tags: ['moderation'],
    summary: 'One moderation, with every report on it',
    description: who,
    security: [{ bearer: [] }],
    request: ref,
    responses: { 200: json('The moderation', ModerationDetail), ...problems(401, 403, 404, 503) },
  });
  for (const [action, summary] of [
    ['hide', 'Hide the resource (and its comments); the author is told why (`justification`)'],
    ['unhide', 'Show it again; its pending reports are dismissed'],
    ['dismiss', 'Dismiss its pending reports; what they alone had hidden is shown again'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/api/v1/moderations/{id}/${action}`,
      tags: ['moderation'],
      summary,
      description: `${who} Doing it again changes nothing. People are blocked, not hidden (400).`,
      security: [{ bearer: [] }],
      request: { ...ref, body: { content: { 'application/json': { schema: moderationActionBodySchema } } } },
      responses: { 200: json('The moderation', Moderation), ...problems(400, 401, 403, 404, 503) },
    });
  }
}
