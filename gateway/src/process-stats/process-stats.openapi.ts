import { processStatsSchema } from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerProcessStats(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/stats',
    tags: ['processes'],
    summary: "A process's participation: totals and a line per day (Europe/Paris days)",
    description:
      'Participants (people who submitted a proposal, gave a support, opened a debate or commented, ' +
      "once each), proposals, supports standing, comments and debates, kept from the services' events " +
      '(so they may lag a moment behind). Visible to exactly those who may see the process.',
    request: { params: z.object({ id: z.uuid().meta({ description: 'Process id (UUIDv7)' }) }) },
    responses: {
      200: json('The statistics', processStatsSchema.meta({ id: 'ProcessStats' })),
      ...problems(400, 404, 503),
    },
  });
}
