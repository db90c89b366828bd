import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
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
}
