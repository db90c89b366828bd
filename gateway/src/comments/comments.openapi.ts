import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  commentListQuerySchema,
  commentSchema,
  commentThreadSchema,
  commentVotesSchema,
  createCommentBodySchema,
  pageSchema,
  updateCommentBodySchema,
  voteCommentBodySchema,
} from '@convergences/contracts';
import { z } from 'zod';
import { json, problems } from '../openapi/responses';

export function registerComments(registry: OpenAPIRegistry): void {
  const Comment = commentSchema.meta({ id: 'Comment' });
  const CommentThread = commentThreadSchema.meta({ id: 'CommentThread' });
  const CommentVotes = commentVotesSchema.meta({ id: 'CommentVotes' });
  const ref = { params: z.object({ id: z.uuid() }) };
  const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const writing =
    'The active phase must enable comments and not freeze them (422 `phase_closed`, `comments_blocked`), with the ' +
    'verification the process requires; a closed debate takes none (409 `debate_closed`), nor a time-boxed one ' +
    'outside its window (422 `debate_not_open`).';

  for (const [plural, singular] of [
    ['proposals', 'proposal'],
    ['debates', 'debate'],
  ] as const) {
    registry.registerPath({
      method: 'get',
      path: `/api/v1/${plural}/{id}/comments`,
      tags: ['comments'],
      summary: `A page of a ${singular}’s comments, each with its first replies and theirs`,
      description:
        'The top level in `sort` order (`oldest` by default, `recent`, `bestRated`, `mostDiscussed`), `perPage` a ' +
        'page (≤ 100); under each comment its first `replies` replies (0–10, 3 by default), oldest first, and theirs. ' +
        '`parentId` pages one comment’s replies instead (`meta.total` is then its `repliesCount`). Deleted comments ' +
        'keep their place without author or text; hidden ones are left out with everything under them. 422 ' +
        '`phase_closed` where the active phase does not enable comments.',
      request: { ...ref, query: commentListQuerySchema.omit({ resourceType: true, resourceId: true }) },
      responses: { 200: json('A page of threads', pageSchema(CommentThread)), ...problems(400, 404, 422, 503) },
    });
    registry.registerPath({
      method: 'post',
      path: `/api/v1/${plural}/{id}/comments`,
      tags: ['comments'],
      summary: `Comment on a ${singular}, or answer one of its comments (\`parentId\`)`,
      description:
        `${writing} \`body\`: 1 to 10,000 characters. \`alignment\` (\`1\` for, \`0\` neutral, \`-1\` against) on ` +
        'top-level comments of debates only. Threads are three deep: an answer to a third-level comment sits beside ' +
        'it (`replyToId`). A retry with the same `Idempotency-Key` answers the first comment.',
      security: [{ bearer: [] }],
      request: {
        ...ref,
        ...jsonBody(createCommentBodySchema),
        headers: z.object({
          'Idempotency-Key': z
            .string()
            .max(200)
            .optional()
            .meta({ description: 'Retrying with the same key returns the first comment' }),
        }),
      },
      responses: { 201: json('The comment', Comment), ...problems(400, 401, 403, 404, 409, 413, 422, 503) },
    });
  }
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/comments/{id}',
    tags: ['comments'],
    summary: 'Edit your comment: it shows as edited',
    description: `${writing} A deleted comment is not edited (409 \`comment_deleted\`).`,
    security: [{ bearer: [] }],
    request: { ...ref, ...jsonBody(updateCommentBodySchema) },
    responses: { 200: json('The comment', Comment), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/comments/{id}',
    tags: ['comments'],
    summary: 'Delete your comment: it keeps its place in the thread, without text (whatever the phase)',
    security: [{ bearer: [] }],
    request: ref,
    responses: { 204: { description: 'Deleted' }, ...problems(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/comments/{id}/vote',
    tags: ['comments'],
    summary: 'Vote a comment up or down: one vote per person, the other way replaces it',
    description: `${writing} Nobody votes on their own comment (403), nor on a deleted one (409 \`comment_deleted\`).`,
    security: [{ bearer: [] }],
    request: { ...ref, ...jsonBody(voteCommentBodySchema) },
    responses: { 200: json('The comment’s votes', CommentVotes), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/v1/comments/{id}/vote',
    tags: ['comments'],
    summary: 'Take your vote back (none to take back is no error)',
    security: [{ bearer: [] }],
    request: ref,
    responses: { 200: json('The comment’s votes', CommentVotes), ...problems(400, 401, 403, 404, 409, 422, 503) },
  });
}
