import { DomainError, type Actor } from '@convergences/contracts';
import { assertMayAdministerPeople, assertMayBlock, assertMayEditProfile, showsFullProfile } from './person.policy';

const actor = (roles: string[], personId = '01900000-0000-7000-8000-000000000001'): Actor => ({
  personId,
  subject: `sub-${personId}`,
  username: roles.includes('admin') ? 'admin' : 'alice',
  displayName: roles.includes('admin') ? 'Admin' : 'Alice',
  roles,
  locale: 'fr',
});
const admin = actor(['admin', 'participant']);
const participant = actor(['participant'], '01900000-0000-7000-8000-000000000002');

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe('assertMayAdministerPeople', () => {
  it('asks anonymous callers to sign in and forbids participants', () => {
    expect(codeOf(() => assertMayAdministerPeople(null))).toBe('unauthenticated');
    expect(codeOf(() => assertMayAdministerPeople(participant))).toBe('forbidden');
    expect(codeOf(() => assertMayAdministerPeople(actor(['Admin', 'process-admin'])))).toBe('forbidden');
  });

  it('lets platform administrators through', () => {
    expect(codeOf(() => assertMayAdministerPeople(admin))).toBeUndefined();
  });
});

describe('assertMayBlock', () => {
  it('lets an administrator block someone else, not themself', () => {
    expect(codeOf(() => assertMayBlock(admin, participant.personId))).toBeUndefined();
    expect(codeOf(() => assertMayBlock(admin, admin.personId))).toBe('forbidden');
  });

  it('refuses participants and anonymous callers', () => {
    expect(codeOf(() => assertMayBlock(participant, admin.personId))).toBe('forbidden');
    expect(codeOf(() => assertMayBlock(null, admin.personId))).toBe('unauthenticated');
  });
});

describe('assertMayEditProfile', () => {
  it('lets a signed-in person who is not blocked edit their profile', () => {
    expect(codeOf(() => assertMayEditProfile(participant, { blocked_at: null }))).toBeUndefined();
  });

  it('refuses blocked people and anonymous callers', () => {
    expect(codeOf(() => assertMayEditProfile(participant, { blocked_at: new Date() }))).toBe('blocked_person');
    expect(codeOf(() => assertMayEditProfile(null, { blocked_at: null }))).toBe('unauthenticated');
  });
});

describe('showsFullProfile', () => {
  it('shows everything of a public profile, only names of a private one', () => {
    expect(showsFullProfile('public')).toBe(true);
    expect(showsFullProfile('private')).toBe(false);
  });
});
