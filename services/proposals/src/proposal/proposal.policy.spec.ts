import { DomainError, type Actor, type PermissionDecision } from '@convergences/contracts';
import {
  assertMayCreateProposal,
  assertMayDeleteDraft,
  assertMayEdit,
  assertMayPublish,
  assertMayWithdraw,
  assertWithinProposalLimit,
  placeErrors,
} from './proposal.policy';

const participant: Actor = {
  personId: '01900000-0000-7000-8000-000000000002',
  subject: 'sub-alice',
  username: 'alice',
  displayName: 'Alice Vernadet',
  roles: ['participant'],
  locale: 'fr',
};
const processId = '01900000-0000-7000-8000-0000000000aa';
const allowed: PermissionDecision = { allowed: true, processId, action: 'create_proposal', phaseId: null };
const refused: PermissionDecision = {
  allowed: false,
  processId,
  action: 'create_proposal',
  phaseId: '01900000-0000-7000-8000-0000000000bb',
  reason: 'phase_closed',
  message: 'Submitting proposals is not open in the current phase of this process.',
  details: { activePhaseId: '01900000-0000-7000-8000-0000000000bb' },
};

function failureOf(action: () => void): DomainError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
}

describe('assertMayCreateProposal', () => {
  it('lets a signed-in participant propose when the process allows it', () => {
    expect(failureOf(() => assertMayCreateProposal(participant, allowed))).toBeUndefined();
  });

  it('asks anonymous callers to sign in, whatever the process says', () => {
    expect(failureOf(() => assertMayCreateProposal(null, allowed))?.code).toBe('unauthenticated');
  });

  it("turns the process's refusal into the problem of its reason, naming process, action and phase", () => {
    const failure = failureOf(() => assertMayCreateProposal(participant, refused));
    expect(failure?.code).toBe('phase_closed');
    expect(failure?.message).toBe(refused.allowed === false && refused.message);
    expect(failure?.details).toEqual({
      processId,
      action: 'create_proposal',
      activePhaseId: '01900000-0000-7000-8000-0000000000bb',
    });
  });
});

describe('the life of a proposal', () => {
  const other: Actor = { ...participant, personId: '01900000-0000-7000-8000-000000000003', username: 'bob' };
  const publishedAt = new Date('2026-12-01T10:00:00Z');
  const published = { authorId: participant.personId, state: 'published' as const, publishedAt, answered: false };
  const draft = { ...published, state: 'draft' as const, publishedAt: null };
  const rules = { editWindowMinutes: 5, supported: false, now: new Date('2026-12-01T10:04:59Z') };

  it('lets its author edit a draft at any time, and hides it from anybody else', () => {
    expect(
      failureOf(() => assertMayEdit(participant, draft, { ...rules, now: new Date('2030-01-01') })),
    ).toBeUndefined();
    expect(failureOf(() => assertMayEdit(other, draft, rules))?.code).toBe('not_found');
    expect(failureOf(() => assertMayPublish(other, draft))?.code).toBe('not_found');
  });

  it('lets its author edit a published proposal within the window, unsupported and unanswered', () => {
    expect(failureOf(() => assertMayEdit(participant, published, rules))).toBeUndefined();
    expect(failureOf(() => assertMayEdit(other, published, rules))?.code).toBe('forbidden');
    const late = failureOf(() =>
      assertMayEdit(participant, published, { ...rules, now: new Date('2026-12-01T10:05:01Z') }),
    );
    expect(late?.code).toBe('edit_window_closed');
    expect(late?.details).toEqual({ editWindowMinutes: 5, closedAt: '2026-12-01T10:05:00.000Z' });
    expect(failureOf(() => assertMayEdit(participant, published, { ...rules, supported: true }))?.code).toBe(
      'proposal_supported',
    );
    expect(failureOf(() => assertMayEdit(participant, { ...published, answered: true }, rules))?.code).toBe(
      'proposal_answered',
    );
    expect(failureOf(() => assertMayEdit(participant, { ...published, state: 'withdrawn' }, rules))?.code).toBe(
      'proposal_withdrawn',
    );
  });

  it('withdraws a published proposal once, deletes only drafts', () => {
    expect(failureOf(() => assertMayWithdraw(participant, published))).toBeUndefined();
    expect(failureOf(() => assertMayWithdraw(participant, { ...published, state: 'withdrawn' }))?.code).toBe(
      'proposal_withdrawn',
    );
    expect(failureOf(() => assertMayWithdraw(participant, draft))?.code).toBe('conflict');
    expect(failureOf(() => assertMayDeleteDraft(participant, draft))).toBeUndefined();
    expect(failureOf(() => assertMayDeleteDraft(participant, published))?.code).toBe('conflict');
    expect(failureOf(() => assertMayPublish(participant, { ...published, state: 'withdrawn' }))?.code).toBe(
      'proposal_withdrawn',
    );
  });

  it('counts published proposals against the limit, 0 meaning none', () => {
    expect(failureOf(() => assertWithinProposalLimit(2, 3))).toBeUndefined();
    expect(failureOf(() => assertWithinProposalLimit(3, 3))?.code).toBe('proposal_limit_reached');
    expect(failureOf(() => assertWithinProposalLimit(1000, 0))).toBeUndefined();
  });

  it('takes a place only where geolocation is enabled, and only whole', () => {
    const none = { address: null, latitude: null, longitude: null };
    const whole = { address: '2 rue du Pont', latitude: 44, longitude: 3.6 };
    expect(placeErrors(none, { geolocationEnabled: false })).toEqual([]);
    expect(placeErrors(whole, { geolocationEnabled: true })).toEqual([]);
    expect(placeErrors(whole, { geolocationEnabled: false }).map((e) => e.path)).toEqual([
      'address',
      'latitude',
      'longitude',
    ]);
    expect(placeErrors({ ...none, latitude: 44 }, { geolocationEnabled: true }).map((e) => e.path)).toEqual([
      'address',
      'longitude',
    ]);
  });
});
