import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  closeDebateBodySchema,
  createDebateBodySchema,
  debateListQuerySchema,
  debateSchema,
  pageSchema,
  updateDebateBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerDebates(registry: OpenAPIRegistry): void {
  const Debate = debateSchema.meta({ id: 'Debate' });
  const processRef = { params: z.object({ idOrSlug: z.string().meta({ description: 'Process id or slug' }) }) };
  const debateRef = { params: z.object({ id: z.uuid() }) };
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const texts =
    'Texts are a string (in `locale`, the writer’s by default) or `{ fr, en? }`; they are answered by locale ' +
    '(`{ "fr": … }`, `{ "en": … }` or both).';

  registry.registerPath({
    method: 'get',
    path: '/api/v1/processes/{idOrSlug}/debates',
    tags: ['debates'],
    summary: "A process's debates (404 for a process the caller may not see)",
    description:
      'Never a debate hidden by moderation. Filters: `themeId`, `state` (`open`, `closed`), `origin` (`official`, ' +
      '`participant`), `mine=true` and `commentedByMe=true` (sign-in needed), `q` (words of the title or description, ' +
      'French or English, accents folded). Sorts: `recent` (default), `mostCommented`, `lastComment`.',
    request: { ...processRef, query: debateListQuerySchema.omit({ processId: true }) },
    responses: { 200: json('A page of debates', pageSchema(Debate)), ...problems(400, 401, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/processes/{idOrSlug}/debates',
    tags: ['debates'],
    summary: 'Open a debate: a participant’s when the phase opens debates, or an official one (the process’s admins)',
    description:
      `${texts} Participants need the active phase to open debates (422 \`phase_closed\`); \`official: true\` needs ` +
      'the process’s admin role (403 `role_required`), a process with an organiser (409 `conflict`), not closed ' +
      '(422 `process_closed`); it reads under the organiser’s name and may have `instructions`. `startsAt`/`endsAt` ' +
      'bound the time it takes comments. A retry with the same `Idempotency-Key` answers the first debate.',
    security: [{ bearer: [] }],
    request: {
      ...processRef,
      ...jsonBody(createDebateBodySchema),
      headers: z.object({
        'Idempotency-Key': z
          .string()
          .max(200)
          .optional()
          .meta({ description: 'Retrying with the same key returns the first debate' }),
      }),
    },
    responses: { 201: json('The debate', Debate), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/debates/{id}',
    tags: ['debates'],
    summary: 'One debate',
    request: debateRef,
    responses: { 200: json('The debate', Debate), ...problems(400, 404, 503) },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/debates/{id}',
    tags: ['debates'],
    summary: 'Edit an open debate (its author; the process’s admins for an official one)',
    description: `${texts} \`informationUpdate\` adds one information update to an official debate. A closed debate is not edited (409 \`debate_closed\`).`,
    security: [{ bearer: [] }],
    request: { ...debateRef, ...jsonBody(updateDebateBodySchema) },
    responses: { 200: json('The debate', Debate), ...problems(400, 401, 403, 404, 409, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/debates/{id}/close',
    tags: ['debates'],
    summary: 'Close a debate with conclusions (its author, or the process’s admins); again, to amend them',
    description: 'A closed debate takes no comments and is not edited.',
    security: [{ bearer: [] }],
    request: { ...debateRef, ...jsonBody(closeDebateBodySchema) },
    responses: { 200: json('The closed debate', Debate), ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/debates/{id}/reopen',
    tags: ['debates'],
    summary: 'Reopen a closed debate (the process’s admins)',
    security: [{ bearer: [] }],
    request: debateRef,
    responses: { 200: json('The reopened debate', Debate), ...problems(400, 401, 403, 404, 409, 503) },
  });
}
