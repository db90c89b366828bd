import { type Comment, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertSignedIn } from '../debate/debate.policy';
import type { VisibilityDeps } from '../participation/process-visibility';
import { announceCount, lockCountRow, recountResource } from './comment-counts.repository';
import { commentFor } from './comment-access';
import { assertAuthorOf } from './comment.policy';
import { factsOf, findComment, lockComment, toComment } from './comment.repository';

/**
 * Its author deletes a comment, whatever the phase: its text goes, its place in the thread stays
 * (its replies stay under it), and it no longer counts. Deleting it again answers it as it is.
 */
export async function deleteComment(
  deps: VisibilityDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.comment.delete'>,
): Promise<Comment> {
  assertSignedIn(context.actor, 'delete a comment');
  const actor = context.actor;
  const { row } = await commentFor(deps, { ...context, actor }, request.id, { asWriter: false });
  assertAuthorOf(actor, factsOf(row), 'deletes');
  if (row.deleted_at) return toComment(row);
  const resource = { resourceType: row.resource_type, resourceId: row.resource_id };
  return deps.db.transaction().execute(async (trx) => {
    await lockCountRow(trx, resource);
    const current = (await lockComment(trx, request.id))!;
    if (!current.deleted_at) {
      await trx
        .updateTable('comments')
        .set({ body: '', deleted_at: new Date() })
        .where('id', '=', current.id)
        .execute();
      await announceCount(trx, await recountResource(trx, resource), actor);
    }
    return toComment((await findComment(trx, current.id))!);
  });
}
