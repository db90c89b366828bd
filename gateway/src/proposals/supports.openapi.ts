import { mySupportsSchema, supportSchema } from '@convergences/contracts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerSupports(registry: OpenAPIRegistry): void {
  const id = z.object({ id: z.uuid() });
  const Support = supportSchema.meta({ id: 'Support' });
  const rules =
    'The active phase must enable supports and not freeze them (`phase_closed`, `supports_blocked`), with the ' +
    'verification the process requires (`verification_required`).';

  registry.registerPath({
    method: 'post',
    path: '/api/v1/proposals/{id}/supports',
    tags: ['supports'],
    summary: 'Support a proposal',
    description:
      `${rules} The proposal must be published and not rejected by a published answer (\`proposal_withdrawn\`, ` +
      '`proposal_rejected`); the person must be within the quota of the process (`quota_reached`); a proposal at its ' +
      'threshold takes no more when the process allows none beyond it (`threshold_reached`); one support per person ' +
      'and proposal (`already_supported`). The support is `pending` until the person has given the minimum the ' +
      'process asks; then all of theirs are `counted`. A retry with the same `Idempotency-Key` answers the first support.',
    security: [{ bearer: [] }],
    request: {
      params: id,
      headers: z.object({
        'Idempotency-Key': z
          .string()
          .max(200)
          .optional()
          .meta({ description: 'Retrying with the same key returns the first support' }),
      }),
    },
    responses: { 201: json('The support', Support), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/proposals/{id}/supports',
    tags: ['supports'],
    summary: 'Take your support back',
    description: `${rules} Falling below the minimum makes all the person’s supports in the process pending again. 204 also when there was no support.`,
    security: [{ bearer: [] }],
    request: { params: id },
    responses: {
      204: { description: 'No support of the caller remains on the proposal' },
      ...problems(400, 401, 403, 404, 422, 503),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{id}/supports/mine',
    tags: ['supports'],
    summary: 'Your supports in a process, what remains of your quota, and whether they count yet',
    security: [{ bearer: [] }],
    request: { params: id },
    responses: {
      200: json('The caller’s supports', mySupportsSchema.meta({ id: 'MySupports' })),
      ...problems(400, 401, 403, 404, 503),
    },
  });
}
