import { type Comment, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertSignedIn } from '../debate/debate.policy';
import type { VisibilityDeps } from '../participation/process-visibility';
import { commentFor } from './comment-access';
import { assertAuthorOf, assertNotDeleted } from './comment.policy';
import { factsOf, findComment, lockComment, toComment } from './comment.repository';

/** Its author edits a comment's text while the resource takes comments: it shows as edited from then on. */
export async function updateComment(
  deps: VisibilityDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.comment.update'>,
): Promise<Comment> {
  assertSignedIn(context.actor, 'edit a comment');
  const actor = context.actor;
  const { row } = await commentFor(deps, { ...context, actor }, request.id, { asWriter: true });
  assertAuthorOf(actor, factsOf(row), 'edits');
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockComment(trx, request.id))!;
    assertNotDeleted(factsOf(current), 'edited');
    await trx
      .updateTable('comments')
      .set({ body: request.body, edited_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    return toComment((await findComment(trx, current.id))!);
  });
}
