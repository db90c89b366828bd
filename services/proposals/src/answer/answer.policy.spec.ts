import { DomainError, type PermissionDecision } from '@convergences/contracts';
import { answererOf, answerProblems, assertAnswerable, assertValuatorMayDraft, publishesAtOnce } from './answer.policy';

const processId = '01900000-0000-7000-8000-0000000000aa';
const allowed = (action: 'answer_proposal' | 'valuate'): PermissionDecision => ({
  allowed: true,
  processId,
  action,
  phaseId: null,
});
const refused = (action: 'answer_proposal' | 'valuate', reason: 'role_required' | 'blocked_person') =>
  ({ allowed: false, processId, action, phaseId: null, reason, message: reason }) as PermissionDecision;

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe('answererOf', () => {
  it('lets process admins answer any proposal of the process', () => {
    expect(answererOf(allowed('answer_proposal'), undefined, false)).toBe('admin');
  });

  it('lets a valuator draft only the proposals assigned to them', () => {
    expect(answererOf(refused('answer_proposal', 'role_required'), allowed('valuate'), true)).toBe('valuator');
    expect(codeOf(() => answererOf(refused('answer_proposal', 'role_required'), allowed('valuate'), false))).toBe(
      'forbidden',
    );
  });

  it("refuses anybody else with the process's reason", () => {
    const participant = refused('answer_proposal', 'role_required');
    expect(codeOf(() => answererOf(participant, refused('valuate', 'role_required'), false))).toBe('role_required');
    expect(codeOf(() => answererOf(refused('answer_proposal', 'blocked_person'), undefined, false))).toBe(
      'blocked_person',
    );
  });
});

describe('assertAnswerable and assertValuatorMayDraft', () => {
  it('hides drafts and refuses withdrawn proposals', () => {
    expect(codeOf(() => assertAnswerable(undefined))).toBe('not_found');
    expect(codeOf(() => assertAnswerable({ state: 'draft', answerPublishedAt: null }))).toBe('not_found');
    expect(codeOf(() => assertAnswerable({ state: 'withdrawn', answerPublishedAt: null }))).toBe('proposal_withdrawn');
    expect(codeOf(() => assertAnswerable({ state: 'published', answerPublishedAt: null }))).toBeUndefined();
  });

  it('keeps valuators from publishing or replacing a published answer', () => {
    const held = { state: 'published' as const, answerPublishedAt: null };
    const shown = { state: 'published' as const, answerPublishedAt: new Date() };
    expect(codeOf(() => assertValuatorMayDraft('valuator', held))).toBeUndefined();
    expect(codeOf(() => assertValuatorMayDraft('valuator', held, true))).toBe('forbidden');
    expect(codeOf(() => assertValuatorMayDraft('valuator', shown))).toBe('conflict');
    expect(codeOf(() => assertValuatorMayDraft('admin', shown, true))).toBeUndefined();
  });
});

describe('answerProblems', () => {
  const none = new Set<string>();

  it('knows the built-in states and those of the process only', () => {
    expect(answerProblems({ state: 'evaluating' }, none, false)).toEqual([]);
    expect(answerProblems({ state: 'etude-technique' }, new Set(['etude-technique']), false)).toEqual([]);
    expect(answerProblems({ state: 'etude-technique' }, none, false).map((p) => p.path)).toEqual(['state']);
  });

  it('needs a text to reject', () => {
    expect(answerProblems({ state: 'rejected' }, none, false).map((p) => p.path)).toEqual(['body']);
  });

  it('needs cost, cost report and execution period to accept where answers state costs', () => {
    expect(answerProblems({ state: 'accepted' }, none, false)).toEqual([]);
    expect(answerProblems({ state: 'accepted' }, none, true).map((p) => p.path)).toEqual([
      'costCents',
      'costReport',
      'executionPeriod',
    ]);
    const complete = { state: 'accepted', costCents: 0, costReport: { fr: 'Budget voirie.' }, executionPeriod: '2027' };
    expect(answerProblems(complete, none, true)).toEqual([]);
    expect(answerProblems({ state: 'evaluating' }, none, true)).toEqual([]);
  });
});

describe('publishesAtOnce', () => {
  const phase = (answersPublished: boolean) => ({
    rules: { proposals: { answersPublished } } as never,
  });

  it("follows the admin's choice, else the active phase", () => {
    expect(publishesAtOnce('admin', undefined, phase(true))).toBe(true);
    expect(publishesAtOnce('admin', undefined, phase(false))).toBe(false);
    expect(publishesAtOnce('admin', undefined, { rules: null })).toBe(false);
    expect(publishesAtOnce('admin', true, phase(false))).toBe(true);
    expect(publishesAtOnce('admin', false, phase(true))).toBe(false);
  });

  it("never publishes a valuator's draft", () => {
    expect(publishesAtOnce('valuator', undefined, phase(true))).toBe(false);
  });
});
