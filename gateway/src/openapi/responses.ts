import { fieldErrorSchema } from '@convergences/contracts';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:convergences:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Machine-readable problem code', example: 'validation_failed' }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional().meta({ description: 'Invalid fields (400 only)' }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const descriptions: Record<number, string> = {
  400: 'Invalid input (`validation_failed`, `bad_request`)',
  401: 'Missing or invalid bearer token (`unauthenticated`)',
  403: 'Not allowed (`forbidden`, `blocked_person`, `not_invited`, `role_required`, `verification_required`)',
  404: 'Not found, or not visible to the caller (`not_found`)',
  409: 'Conflicts with the current state (`conflict`)',
  413: 'Body too large (`payload_too_large`)',
  422: 'Refused by a rule of the process (`process_not_published`, `process_closed`, `phase_closed`, `supports_blocked`, `comments_blocked`)',
  429: 'Rate limit reached (`rate_limited`)',
  503: 'A service did not answer in time (`service_unavailable`)',
};

/** Problem responses for the given statuses. */
export function problems(...statuses: number[]): Record<number, ResponseConfig> {
  return Object.fromEntries(
    [...statuses, 429].map((status) => [
      status,
      {
        description: descriptions[status] ?? `${status}`,
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  );
}

/** A JSON response. */
export function json(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}
