import { changeRoleBodySchema, myMembershipsQuerySchema, pageSchema } from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerMemberships(registry: OpenAPIRegistry, { Membership }: Components): void {
  const id = z.object({ id: z.uuid() });
  const lastAdmin = {
    409: {
      description:
        'Conflicts with the current state (`conflict`), or would leave the organisation without an admin (`last_admin`)',
      content: { 'application/problem+json': { schema: z.object({ code: z.enum(['conflict', 'last_admin']) }) } },
    },
  };

  registry.registerPath({
    method: 'get',
    path: '/api/v1/memberships/{id}',
    tags: ['memberships'],
    summary: 'One membership (public when active in a verified organisation)',
    request: { params: id },
    responses: { 200: json('The membership', Membership), ...problems(400, 404, 503) },
  });
  for (const [action, summary] of [
    ['accept', 'Accept an invitation (the invited person) or a request to join (organisation admins)'],
    ['decline', 'Decline or withdraw an invitation or a request to join'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/api/v1/memberships/{id}/${action}`,
      tags: ['memberships'],
      summary,
      security: [{ bearer: [] }],
      request: { params: id },
      responses: { 200: json('The membership', Membership), ...problems(400, 401, 403, 404, 409, 503) },
    });
  }
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/memberships/{id}',
    tags: ['memberships'],
    summary: 'Change a member’s role (organisation admins); the last admin cannot be demoted',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: changeRoleBodySchema } } } },
    responses: { 200: json('The membership', Membership), ...problems(400, 401, 403, 404, 503), ...lastAdmin },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/memberships/{id}',
    tags: ['memberships'],
    summary: 'Leave (one’s own membership) or remove a member (organisation admins); the last admin cannot go',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: { 204: { description: 'Left or removed' }, ...problems(400, 401, 403, 404, 503), ...lastAdmin },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/me/memberships',
    tags: ['memberships'],
    summary: 'The signed-in person’s memberships, invitations and requests',
    security: [{ bearer: [] }],
    request: { query: myMembershipsQuerySchema },
    responses: { 200: json('A page of memberships', pageSchema(Membership)), ...problems(400, 401, 503) },
  });
}
