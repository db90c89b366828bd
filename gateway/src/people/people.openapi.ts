import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { blockPersonBodySchema, pageSchema, personListQuerySchema } from '@convergences/contracts';
import { z } from 'zod';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerPeople(registry: OpenAPIRegistry, { AdminPerson, PublicPerson }: Components): void {
  const id = z.object({ id: z.uuid() });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/people',
    tags: ['people'],
    summary: 'People, searchable by nickname, display name or email (platform administrators)',
    security: [{ bearer: [] }],
    request: { query: personListQuerySchema },
    responses: { 200: json('A page of people', pageSchema(AdminPerson)), ...problems(400, 401, 403, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/people/{nicknameOrId}',
    tags: ['people'],
    summary: "A person's public profile, by nickname",
    description:
      'Anybody reads a public profile (`private: false`: bio, locale, territory of residence, organisations, ' +
      'proposals count) or the names only of a private one (`private: true`); email is never shown. Platform ' +
      'administrators may give a person id instead of a nickname to read the administrative record (`AdminPerson`).',
    request: {
      params: z.object({ nicknameOrId: z.string().meta({ description: 'Nickname (any case), or id for admins' }) }),
    },
    responses: {
      200: json('The profile (administrators giving an id get an `AdminPerson` instead)', PublicPerson),
      ...problems(401, 403, 404, 503),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/people/{id}/block',
    tags: ['people'],
    summary: 'Block a person, with a justification (platform administrators)',
    description:
      'A blocked person still reads, and every write of theirs is refused with 403 `blocked_person`. ' +
      'Blocking a blocked person changes nothing.',
    security: [{ bearer: [] }],
    request: { params: id, body: { content: { 'application/json': { schema: blockPersonBodySchema } } } },
    responses: { 200: json('The blocked person', AdminPerson), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/people/{id}/unblock',
    tags: ['people'],
    summary: 'Lift a block (platform administrators)',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: { 200: json('The unblocked person', AdminPerson), ...problems(400, 401, 403, 404, 503) },
  });
}
