import { DomainError, type Comment, type ParsedRequestOf } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import { rememberAuthor } from '@convergences/read-models';
import { assertSignedIn } from '../debate/debate.policy';
import type { VisibilityDeps } from '../participation/process-visibility';
import { announceCount, countNewComment } from './comment-counts.repository';
import { commentTargetOf, lockTarget } from './comment-targets';
import { alignmentErrors, alignmentOf, assertAnswerable, assertMayComment, placementUnder } from './comment.policy';
import { countReply, factsOf, findComment, findListedComment, insertComment, toComment } from './comment.repository';

/**
 * A person comments on a resource, or answers a comment of it, when the process allows
 * commenting now and the resource takes comments (an open debate, inside its window). Threads
 * are three deep: an answer to a third-level comment sits beside it. The process is asked before
 * the transaction; the transaction locks the resource's count row, so the count, the version and
 * the event move one comment at a time. A retried request with the same key answers the first comment.
 */
export async function createComment(
  deps: VisibilityDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.comment.create'>,
): Promise<Comment> {
  assertSignedIn(context.actor, 'comment');
  const actor = context.actor;
  const resource = { resourceType: request.resourceType, resourceId: request.resourceId };
  const isReply = request.parentId !== undefined;
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'debates.comment.create', key: context.idempotencyKey },
    async () => {
      const target = await commentTargetOf(deps, context, resource);
      const decision = await deps.services.request(
        'processes.permission.check',
        { processId: target.processId, action: 'comment' },
        context,
      );
      assertMayComment(decision, target);
      const errors = alignmentErrors(request.alignment, target, isReply);
      if (errors.length) throw new DomainError('validation_failed', 'The comment is invalid.', undefined, errors);
    },
    async (trx) => {
      const target = await lockTarget(trx, resource);
      if (target.refusal) throw new DomainError(target.refusal.code, target.refusal.message);
      let parent;
      if (request.parentId) {
        const row = await findListedComment(trx, request.parentId);
        parent = row && factsOf(row);
        assertAnswerable(parent, resource);
      }
      const placement = placementUnder(parent);
      const id = uuidv7();
      const now = new Date();
      await rememberAuthor(trx, actor.personId, actor.displayName);
      await insertComment(trx, {
        id,
        resource_type: resource.resourceType,
        resource_id: resource.resourceId,
        process_id: target.processId,
        parent_id: placement.parentId,
        root_id: placement.rootId,
        reply_to_id: placement.replyToId,
        depth: placement.depth,
        author_id: actor.personId,
        body: request.body,
        locale: request.locale ?? actor.locale,
        alignment: alignmentOf(request.alignment, target, isReply),
        created_at: now,
      });
      if (placement.parentId) await countReply(trx, placement.parentId, placement.rootId!);
      const counted = await countNewComment(trx, resource, placement.depth === 1, now);
      await addToOutbox(
        trx,
        domainEvent(
          'debates.comment.created',
          { commentId: id, ...resource, processId: target.processId, authorId: actor.personId },
          actor,
        ),
      );
      await announceCount(trx, counted, actor);
      return toComment((await findComment(trx, id))!);
    },
  );
}
