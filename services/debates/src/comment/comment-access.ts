import { DomainError, type Actor } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { VisibilityDeps } from '../participation/process-visibility';
import { commentTargetOf } from './comment-targets';
import type { CommentTarget } from './comment-target';
import { assertMayComment } from './comment.policy';
import { findListedComment, type CommentRow } from './comment.repository';

/**
 * A listed comment with its resource, as the caller may see them (`not_found` otherwise). With
 * `asWriter`, the process must allow commenting now and the resource take comments: editing and
 * voting obey the same rules as writing.
 */
export async function commentFor(
  deps: VisibilityDeps,
  context: CallContext & { actor: Actor },
  commentId: string,
  { asWriter }: { asWriter: boolean },
): Promise<{ row: CommentRow; target: CommentTarget }> {
  const row = await findListedComment(deps.db, commentId);
  if (!row) throw new DomainError('not_found', 'No such comment.');
  const target = await commentTargetOf(deps, context, { resourceType: row.resource_type, resourceId: row.resource_id });
  if (asWriter) {
    const decision = await deps.services.request(
      'processes.permission.check',
      { processId: target.processId, action: 'comment' },
      context,
    );
    assertMayComment(decision, target);
  }
  return { row, target };
}
