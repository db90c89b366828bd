import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { assignRoleBodySchema, processInviteBodySchema, processRoleSchema } from '@convergences/contracts';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerProcessRoles(
  registry: OpenAPIRegistry,
  { ProcessRoleAssignment, ProcessInvitation }: Components,
): void {
  const id = z.uuid().meta({ description: 'Process id (UUIDv7)' });
  const personId = z.uuid().meta({ description: 'Person id (UUIDv7)' });
  const readers =
    "Read by the process's role holders (admin, collaborator, moderator, valuator) and platform admins; " +
    '403 `forbidden` for anybody else who sees the process, 404 for a process the caller may not see.';
  const managers =
    "For the process's admins and platform admins: 403 `forbidden` for anybody else who sees the process, " +
    '404 for a process the caller may not see.';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/roles',
    tags: ['process roles'],
    summary: 'Who holds which role in a process',
    description: `${readers} Admins first, then collaborators, moderators, valuators; oldest first within a role.`,
    security: [{ bearer: [] }],
    request: { params: z.object({ id }) },
    responses: {
      200: json('The role assignments', z.object({ data: z.array(ProcessRoleAssignment) })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/roles',
    tags: ['process roles'],
    summary: 'Give a person a role in a process',
    description:
      `${managers} Giving a role the person holds already answers that assignment, unchanged. ` +
      'A `personId` that is no person (or a deleted account) is a 400 `validation_failed` on `personId`.',
    security: [{ bearer: [] }],
    request: {
      params: z.object({ id }),
      body: { content: { 'application/json': { schema: assignRoleBodySchema } } },
    },
    responses: {
      201: json('The assignment', ProcessRoleAssignment),
      ...problems(400, 401, 403, 404, 413, 503),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/processes/{id}/roles/{personId}/{role}',
    tags: ['process roles'],
    summary: 'Take a role away',
    description:
      `${managers} 204 also when the person did not hold the role. A process admin may not give up their own ` +
      'admin role while they are its only process admin (409 `last_admin`); platform admins may remove any role.',
    security: [{ bearer: [] }],
    request: { params: z.object({ id, personId, role: processRoleSchema }) },
    responses: {
      204: { description: 'Removed (or not held)' },
      ...problems(400, 401, 403, 404, 503),
      409: {
        description: 'The only process admin giving up their own admin role (`last_admin`)',
        content: { 'application/problem+json': { schema: z.object({ code: z.literal('last_admin') }) } },
      },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/invitations',
    tags: ['process roles'],
    summary: 'Who is invited to a process',
    description: `${readers} Invited people see the process, not the list. Oldest first.`,
    security: [{ bearer: [] }],
    request: { params: z.object({ id }) },
    responses: {
      200: json('The invitations', z.object({ data: z.array(ProcessInvitation) })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{id}/invitations',
    tags: ['process roles'],
    summary: 'Invite people to a process (what makes a private process visible to them)',
    description:
      `${managers} 1 to 500 person ids; people invited already keep their invitation. If any id is no person, ` +
      'nobody is invited: 400 `validation_failed` on `personIds.<index>`. Answers the invitations of everybody named.',
    security: [{ bearer: [] }],
    request: {
      params: z.object({ id }),
      body: { content: { 'application/json': { schema: processInviteBodySchema } } },
    },
    responses: {
      201: json('The invitations of the people named', z.object({ data: z.array(ProcessInvitation) })),
      ...problems(400, 401, 403, 404, 413, 503),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/processes/{id}/invitations/{personId}',
    tags: ['process roles'],
    summary: 'Withdraw an invitation',
    description: `${managers} 204 also when there was none.`,
    security: [{ bearer: [] }],
    request: { params: z.object({ id, personId }) },
    responses: { 204: { description: 'Withdrawn (or none)' }, ...problems(400, 401, 403, 404, 503) },
  });
}
