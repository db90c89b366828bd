import { DomainError, type Actor, type PermissionDecision } from '@convergences/contracts';
import {
  assertMayClose,
  assertMayEdit,
  assertMayReopen,
  commentRefusalOf,
  isAdminBy,
  officialOnlyErrors,
  windowErrors,
  type DebateFacts,
} from './debate.policy';

const actor = (personId: string): Actor => ({
  personId,
  subject: `sub-${personId}`,
  username: personId,
  displayName: personId,
  roles: ['participant'],
  locale: 'fr',
});
const AUTHOR = '0193a4c0-0000-7000-8000-00000000000a';
const OTHER = '0193a4c0-0000-7000-8000-00000000000b';
const open: DebateFacts = {
  authorId: AUTHOR,
  official: false,
  closedAt: null,
  hiddenAt: null,
  startsAt: null,
  endsAt: null,
};
const closed = { ...open, closedAt: new Date('2026-03-01T10:00:00Z') };
const official = { ...open, official: true };

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('debate rules', () => {
  it('lets the author edit their open debate, nobody else, and nobody once closed', () => {
    expect(codeOf(() => assertMayEdit(actor(AUTHOR), open, false))).toBeUndefined();
    expect(codeOf(() => assertMayEdit(actor(OTHER), open, true))).toBe('forbidden');
    expect(codeOf(() => assertMayEdit(actor(AUTHOR), closed, false))).toBe('debate_closed');
  });

  it('leaves official debates to the process’s admins', () => {
    expect(codeOf(() => assertMayEdit(actor(AUTHOR), official, false))).toBe('forbidden');
    expect(codeOf(() => assertMayEdit(actor(OTHER), official, true))).toBeUndefined();
  });

  it('lets the author of a participant’s debate or an admin close it, an admin alone reopen it', () => {
    expect(codeOf(() => assertMayClose(actor(AUTHOR), open, false))).toBeUndefined();
    expect(codeOf(() => assertMayClose(actor(OTHER), open, true))).toBeUndefined();
    expect(codeOf(() => assertMayClose(actor(OTHER), open, false))).toBe('forbidden');
    expect(codeOf(() => assertMayClose(actor(AUTHOR), official, false))).toBe('forbidden');
    expect(codeOf(() => assertMayReopen(closed, false))).toBe('forbidden');
    expect(codeOf(() => assertMayReopen(open, true))).toBe('conflict');
    expect(codeOf(() => assertMayReopen(closed, true))).toBeUndefined();
  });

  it('keeps instructions and information updates for official debates', () => {
    expect(officialOnlyErrors(false, { instructions: 'Lire avant' }).map((e) => e.path)).toEqual(['instructions']);
    expect(officialOnlyErrors(false, { instructions: null })).toEqual([]);
    expect(officialOnlyErrors(false, { informationUpdate: 'Du nouveau' }).map((e) => e.path)).toEqual([
      'informationUpdate',
    ]);
    expect(officialOnlyErrors(true, { instructions: 'Lire avant', informationUpdate: 'Du nouveau' })).toEqual([]);
  });

  it('wants the end of a window after its start', () => {
    const at = (iso: string) => new Date(iso);
    expect(windowErrors(at('2026-03-02T00:00:00Z'), at('2026-03-01T00:00:00Z')).map((e) => e.path)).toEqual(['endsAt']);
    expect(windowErrors(at('2026-03-01T00:00:00Z'), at('2026-03-01T00:00:00Z'))).toHaveLength(1);
    expect(windowErrors(at('2026-03-01T00:00:00Z'), null)).toEqual([]);
  });

  it('takes comments while open and inside the window, its end excluded', () => {
    const boxed = { ...open, startsAt: new Date('2026-03-01T09:00:00Z'), endsAt: new Date('2026-03-01T18:00:00Z') };
    expect(commentRefusalOf(boxed, new Date('2026-03-01T08:59:59Z'))?.code).toBe('debate_not_open');
    expect(commentRefusalOf(boxed, new Date('2026-03-01T09:00:00Z'))).toBeNull();
    expect(commentRefusalOf(boxed, new Date('2026-03-01T18:00:00Z'))?.code).toBe('debate_not_open');
    expect(commentRefusalOf(closed, new Date())?.code).toBe('debate_closed');
    expect(commentRefusalOf(open, new Date())).toBeNull();
  });

  it('reads the administer check: a missing role is a no, any other refusal is the person’s problem', () => {
    const base = { processId: AUTHOR, action: 'administer' as const, phaseId: null };
    const refused = (reason: 'role_required' | 'blocked_person'): PermissionDecision => ({
      ...base,
      allowed: false,
      reason,
      message: reason,
    });
    expect(isAdminBy({ ...base, allowed: true })).toBe(true);
    expect(isAdminBy(refused('role_required'))).toBe(false);
    expect(codeOf(() => isAdminBy(refused('blocked_person')))).toBe('blocked_person');
  });
});
