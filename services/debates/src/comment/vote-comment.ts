import type { CommentVotes, CommentVoteValue, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertSignedIn } from '../debate/debate.policy';
import type { VisibilityDeps } from '../participation/process-visibility';
import { commentFor } from './comment-access';
import { assertMayVote, voteChange } from './comment.policy';
import { factsOf, lockComment, voteValueOf } from './comment.repository';

/**
 * Sets the caller's vote on a comment (`up` or `down`; voting the other way replaces it, voting
 * the same way again changes nothing), or takes it back (`null`), under the rules of writing a
 * comment. The comment's row is locked while its tallies move with the vote row.
 */
async function castVote(
  deps: VisibilityDeps,
  context: CallContext,
  commentId: string,
  value: CommentVoteValue | null,
): Promise<CommentVotes> {
  assertSignedIn(context.actor, 'vote on a comment');
  const actor = context.actor;
  const { row } = await commentFor(deps, { ...context, actor }, commentId, { asWriter: true });
  assertMayVote(actor, factsOf(row));
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockComment(trx, commentId))!;
    assertMayVote(actor, factsOf(current));
    const previous = await trx
      .selectFrom('comment_votes')
      .select('value')
      .where('comment_id', '=', commentId)
      .where('person_id', '=', actor.personId)
      .executeTakeFirst();
    const before = voteValueOf(previous?.value);
    const change = voteChange(before, value);
    if (value === null) {
      await trx
        .deleteFrom('comment_votes')
        .where('comment_id', '=', commentId)
        .where('person_id', '=', actor.personId)
        .execute();
    } else if (value !== before) {
      const stored = value === 'up' ? 1 : -1;
      await trx
        .insertInto('comment_votes')
        .values({ comment_id: commentId, person_id: actor.personId, value: stored })
        .onConflict((oc) =>
          oc.columns(['comment_id', 'person_id']).doUpdateSet({ value: stored, created_at: new Date() }),
        )
        .execute();
    }
    const tallies = await trx
      .updateTable('comments')
      .set((eb) => ({
        upvotes: eb('upvotes', '+', change.upvotes),
        downvotes: eb('downvotes', '+', change.downvotes),
      }))
      .where('id', '=', commentId)
      .returning(['upvotes', 'downvotes'])
      .executeTakeFirstOrThrow();
    return { commentId, ...tallies, myVote: value };
  });
}

export function voteComment(
  deps: VisibilityDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.comment.vote'>,
) {
  return castVote(deps, context, request.id, request.value);
}

export function unvoteComment(
  deps: VisibilityDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.comment.unvote'>,
) {
  return castVote(deps, context, request.id, null);
}
