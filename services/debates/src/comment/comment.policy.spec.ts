import type { DomainError } from '@convergences/contracts';
import type { CommentTarget } from './comment-target';
import {
  alignmentErrors,
  alignmentOf,
  assertAnswerable,
  assertMayVote,
  placementUnder,
  voteChange,
  type CommentFacts,
} from './comment.policy';

const DEBATE = '0193a4c0-0000-7000-8000-0000000000d1';
const debateTarget: CommentTarget = {
  resourceType: 'debate',
  resourceId: DEBATE,
  processId: '0193a4c0-0000-7000-8000-0000000000f1',
  alignmentEnabled: true,
  refusal: null,
  shown: true,
  threads: 0,
};
const proposalTarget: CommentTarget = { ...debateTarget, resourceType: 'proposal', alignmentEnabled: false };
const at = (depth: number, id: string, parentId: string | null, rootId: string | null): CommentFacts => ({
  id,
  resourceType: 'debate',
  resourceId: DEBATE,
  authorId: 'author',
  depth,
  parentId,
  rootId,
  deleted: false,
});
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('comment rules', () => {
  it('places a reply under its parent, three deep at most, then beside the third-level comment it answers', () => {
    expect(placementUnder(undefined)).toEqual({ depth: 1, parentId: null, rootId: null, replyToId: null });
    expect(placementUnder(at(1, 'a', null, null))).toEqual({ depth: 2, parentId: 'a', rootId: 'a', replyToId: null });
    expect(placementUnder(at(2, 'b', 'a', 'a'))).toEqual({ depth: 3, parentId: 'b', rootId: 'a', replyToId: null });
    expect(placementUnder(at(3, 'c', 'b', 'a'))).toEqual({ depth: 3, parentId: 'b', rootId: 'a', replyToId: 'c' });
  });

  it('takes an alignment only at the top level of a resource that takes them, neutral by default', () => {
    expect(alignmentErrors(1, debateTarget, false)).toEqual([]);
    expect(alignmentErrors(-1, debateTarget, true).map((e) => e.path)).toEqual(['alignment']);
    expect(alignmentErrors(0, proposalTarget, false).map((e) => e.path)).toEqual(['alignment']);
    expect(alignmentErrors(undefined, proposalTarget, false)).toEqual([]);
    expect(alignmentOf(undefined, debateTarget, false)).toBe(0);
    expect(alignmentOf(-1, debateTarget, false)).toBe(-1);
    expect(alignmentOf(undefined, debateTarget, true)).toBeNull();
    expect(alignmentOf(undefined, proposalTarget, false)).toBeNull();
  });

  it('answers only a live comment of the same resource', () => {
    const ref = { resourceType: 'debate' as const, resourceId: DEBATE };
    expect(codeOf(() => assertAnswerable(undefined, ref))).toBe('validation_failed');
    expect(codeOf(() => assertAnswerable({ ...at(1, 'a', null, null), resourceId: 'other' }, ref))).toBe(
      'validation_failed',
    );
    expect(codeOf(() => assertAnswerable({ ...at(1, 'a', null, null), deleted: true }, ref))).toBe('comment_deleted');
    expect(codeOf(() => assertAnswerable(at(1, 'a', null, null), ref))).toBeUndefined();
  });

  it('lets nobody vote on their own or a deleted comment', () => {
    const voter = {
      personId: 'voter',
      subject: 's',
      username: 'v',
      displayName: 'V',
      roles: [],
      locale: 'fr' as const,
    };
    expect(codeOf(() => assertMayVote({ ...voter, personId: 'author' }, at(1, 'a', null, null)))).toBe('forbidden');
    expect(codeOf(() => assertMayVote(voter, { ...at(1, 'a', null, null), deleted: true }))).toBe('comment_deleted');
    expect(codeOf(() => assertMayVote(voter, at(1, 'a', null, null)))).toBeUndefined();
  });

  it('moves the tallies by the difference between the vote before and after', () => {
    expect(voteChange(null, 'up')).toEqual({ upvotes: 1, downvotes: 0 });
    expect(voteChange('up', 'down')).toEqual({ upvotes: -1, downvotes: 1 });
    expect(voteChange('down', 'down')).toEqual({ upvotes: 0, downvotes: 0 });
    expect(voteChange('down', null)).toEqual({ upvotes: 0, downvotes: -1 });
    expect(voteChange(null, null)).toEqual({ upvotes: 0, downvotes: 0 });
  });
});
