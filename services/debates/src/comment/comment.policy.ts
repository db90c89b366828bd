import {
  assertAllowed,
  DomainError,
  MAX_COMMENT_DEPTH,
  type Actor,
  type Alignment,
  type CommentVoteValue,
  type FieldError,
  type PermissionDecision,
} from '@convergences/contracts';
import type { ResourceRef } from './comment-counts.repository';
import type { CommentTarget } from './comment-target';

/*
 * The rules of comments: when a resource takes them, where a reply sits in its thread, who edits,
 * deletes and votes. `processes` answers for the process (phase enabled or blocked, invitation,
 * block, verification); these functions decide the rest, without I/O.
 */

/** A comment as the rules see it. */
export interface CommentFacts {
  id: string;
  resourceType: ResourceRef['resourceType'];
  resourceId: string;
  authorId: string;
  depth: number;
  parentId: string | null;
  rootId: string | null;
  deleted: boolean;
}

/** The process allows commenting now (`comment`), and the resource takes comments (open debate, within its window). */
export function assertMayComment(decision: PermissionDecision, target: CommentTarget): void {
  assertAllowed(decision);
  if (target.refusal) {
    throw new DomainError(target.refusal.code, target.refusal.message, {
      resourceType: target.resourceType,
      resourceId: target.resourceId,
    });
  }
}

/** Where a new comment sits: at the top, under its parent, or beside a third-level comment it answers. */
export interface Placement {
  depth: number;
  parentId: string | null;
  rootId: string | null;
  replyToId: string | null;
}

export function placementUnder(parent: CommentFacts | undefined): Placement {
  if (!parent) return { depth: 1, parentId: null, rootId: null, replyToId: null };
  if (parent.depth < MAX_COMMENT_DEPTH) {
    return { depth: parent.depth + 1, parentId: parent.id, rootId: parent.rootId ?? parent.id, replyToId: null };
  }
  return { depth: MAX_COMMENT_DEPTH, parentId: parent.parentId, rootId: parent.rootId, replyToId: parent.id };
}

/** An alignment only on a top-level comment of a resource that takes alignments. */
export function alignmentErrors(
  alignment: Alignment | undefined,
  target: CommentTarget,
  isReply: boolean,
): FieldError[] {
  if (alignment === undefined) return [];
  if (!target.alignmentEnabled) return [{ path: 'alignment', message: `A ${target.resourceType} takes no alignment.` }];
  if (isReply) return [{ path: 'alignment', message: 'Only a top-level comment takes a position.' }];
  return [];
}

/** What a top-level comment on the resource holds as alignment when none is given: neutral where alignments are taken. */
export function alignmentOf(
  alignment: Alignment | undefined,
  target: CommentTarget,
  isReply: boolean,
): Alignment | null {
  if (!target.alignmentEnabled || isReply) return null;
  return alignment ?? 0;
}

/** The answered comment must be listed, of the same resource, and not deleted. */
export function assertAnswerable(parent: CommentFacts | undefined, ref: ResourceRef): asserts parent is CommentFacts {
  if (!parent) {
    throw new DomainError('validation_failed', 'The comment is invalid.', undefined, [
      { path: 'parentId', message: 'No such comment.' },
    ]);
  }
  if (parent.resourceType !== ref.resourceType || parent.resourceId !== ref.resourceId) {
    throw new DomainError('validation_failed', 'The comment is invalid.', undefined, [
      { path: 'parentId', message: `That comment is not on this ${ref.resourceType}.` },
    ]);
  }
  if (parent.deleted) throw new DomainError('comment_deleted', 'That comment was deleted: it takes no replies.');
}

/** Its author alone edits or deletes a comment. */
export function assertAuthorOf(actor: Actor, comment: CommentFacts, doing: string): void {
  if (comment.authorId !== actor.personId) throw new DomainError('forbidden', `Only its author ${doing} a comment.`);
}

export function assertNotDeleted(comment: CommentFacts, doing: string): void {
  if (comment.deleted) throw new DomainError('comment_deleted', `This comment was deleted: it is not ${doing}.`);
}

/** Nobody rates their own comment, nor a deleted one. */
export function assertMayVote(actor: Actor, comment: CommentFacts): void {
  if (comment.authorId === actor.personId) throw new DomainError('forbidden', 'Nobody votes on their own comment.');
  assertNotDeleted(comment, 'voted on');
}

/** How a comment's tallies move when a person's vote goes from `before` to `after` (either may be none). */
export function voteChange(
  before: CommentVoteValue | null,
  after: CommentVoteValue | null,
): { upvotes: number; downvotes: number } {
  const weight = (vote: CommentVoteValue | null, value: CommentVoteValue) => (vote === value ? 1 : 0);
  return {
    upvotes: weight(after, 'up') - weight(before, 'up'),
    downvotes: weight(after, 'down') - weight(before, 'down'),
  };
}
