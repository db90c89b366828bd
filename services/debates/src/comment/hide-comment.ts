import { sql, type Transaction } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { announceCount, lockCountRow, recountResource } from './comment-counts.repository';
import { recountReplies, recountThread } from './comment.repository';

type Trx = Transaction<DebatesDatabase>;

/**
 * Moderation hides a comment, or shows it again, inside its own transaction: the comment and
 * everything under it leave (or come back to) the thread and the counts — its parent's replies,
 * its thread's size, the resource's count and threads, with the count's event. Hiding what is
 * hidden, or showing what is shown, changes nothing. Answers whether it changed anything.
 */
async function setCommentHidden(trx: Trx, commentId: string, hidden: boolean, actor: { personId: string } | null) {
  const comment = await trx
    .selectFrom('comments')
    .select(['resource_type', 'resource_id', 'parent_id', 'root_id'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!comment) return false;
  const resource = { resourceType: comment.resource_type, resourceId: comment.resource_id };
  await lockCountRow(trx, resource);
  const changed = await trx
    .updateTable('comments')
    .set({ hidden_at: hidden ? sql<Date>`now()` : null })
    .where('id', '=', commentId)
    .where('hidden_at', hidden ? 'is' : 'is not', null)
    .executeTakeFirst();
  if (!changed.numUpdatedRows) return false;
  if (comment.parent_id) await recountReplies(trx, comment.parent_id);
  if (comment.root_id) await recountThread(trx, comment.root_id);
  await announceCount(trx, await recountResource(trx, resource), actor);
  return true;
}

export function hideComment(trx: Trx, commentId: string, actor: { personId: string } | null): Promise<boolean> {
  return setCommentHidden(trx, commentId, true, actor);
}

export function unhideComment(trx: Trx, commentId: string, actor: { personId: string } | null): Promise<boolean> {
  return setCommentHidden(trx, commentId, false, actor);
}
