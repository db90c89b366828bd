import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { updatePersonRequestSchema } from '@convergences/contracts';
import type { Components } from '../openapi/components';
import { json, problems } from '../openapi/responses';

export function registerMe(registry: OpenAPIRegistry, { MePerson }: Components): void {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/me',
    tags: ['people'],
    summary: 'The signed-in person (registered on first sight of their token)',
    security: [{ bearer: [] }],
    responses: { 200: json('The person', MePerson), ...problems(401, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/me',
    tags: ['people'],
    summary: 'Edit your own profile: display name, nickname, locale, bio, profile visibility',
    description:
      'Only the fields given change. The nickname is 3 to 30 lowercase letters, digits, "_" or "-", unique on the ' +
      'platform (409 `conflict` when taken). Email, username and roles come from the identity provider and cannot be ' +
      'edited here. A blocked person gets 403 `blocked_person`.',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: updatePersonRequestSchema } } } },
    responses: { 200: json('The updated person', MePerson), ...problems(400, 401, 403, 409, 413, 503) },
  });
}
