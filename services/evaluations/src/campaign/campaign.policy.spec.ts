import { DomainError } from '@convergences/contracts';
import {
  assertKeepsACoordinator,
  assertMayUnassign,
  assertTransition,
  periodErrors,
  rolesOf,
  stakeholderCriteriaErrors,
} from './campaign.policy';

const refusal = (run: () => void): DomainError => {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('campaign policy', () => {
  it('moves one state forward only', () => {
    expect(() => assertTransition('draft', 'open')).not.toThrow();
    expect(() => assertTransition('open', 'review')).not.toThrow();
    expect(() => assertTransition('review', 'closed')).not.toThrow();
    const skip = refusal(() => assertTransition('draft', 'review'));
    expect(skip.code).toBe('campaign_state');
    expect(skip.details).toEqual({ status: 'draft', to: 'review' });
    expect(skip.message).toBe('This campaign is draft: it moves to open next, not to review.');
    expect(refusal(() => assertTransition('closed', 'open')).message).toBe(
      'This campaign is closed: it moves no further.',
    );
    expect(refusal(() => assertTransition('review', 'open')).code).toBe('campaign_state');
  });

  it('wants a period that ends on or after its start', () => {
    expect(periodErrors('2027-01-01', '2027-01-01')).toEqual([]);
    expect(periodErrors('2027-01-02', '2027-01-01')).toEqual([
      { path: 'endsOn', message: 'The campaign ends on or after the day it starts.' },
    ]);
  });

  it('asks stakeholders only about criteria they can answer, each once', () => {
    const known = new Set(['a', 'b']);
    const askable = new Set(['a']);
    expect(stakeholderCriteriaErrors(['a'], known, askable)).toEqual([]);
    expect(stakeholderCriteriaErrors(['b', 'c', 'a', 'a'], known, askable).map((e) => e.path)).toEqual([
      'stakeholderCriteria.0',
      'stakeholderCriteria.1',
      'stakeholderCriteria.3',
    ]);
  });

  it('keeps a coordinator, and a peer who submitted', () => {
    expect(refusal(() => assertKeepsACoordinator('coordinator', 0)).code).toBe('conflict');
    expect(() => assertKeepsACoordinator('committee', 0)).not.toThrow();
    expect(() => assertKeepsACoordinator('coordinator', 1)).not.toThrow();
    expect(refusal(() => assertMayUnassign('submitted')).code).toBe('assessment_submitted');
    expect(() => assertMayUnassign('draft')).not.toThrow();
    expect(() => assertMayUnassign(undefined)).not.toThrow();
  });

  it('names the caller’s roles in a fixed order', () => {
    const access = { actor: null, isAdmin: true, isCoordinator: true, isCommittee: true };
    expect(rolesOf(access, { isMember: true, isPeer: true })).toEqual(['coordinator', 'committee', 'member', 'peer']);
    expect(
      rolesOf({ ...access, isCoordinator: false, isCommittee: false }, { isMember: false, isPeer: false }),
    ).toEqual([]);
  });
});
