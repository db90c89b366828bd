import { DomainError, type Actor } from '@convergences/contracts';
import { assertMayCreateProcess, assertMayPublishProcess, maySeeProcess } from './process.policy';

const actor = (roles: string[]): Actor => ({
  personId: '01900000-0000-7000-8000-000000000001',
  subject: 'sub-1',
  username: roles.includes('admin') ? 'admin' : 'alice',
  displayName: roles.includes('admin') ? 'Admin' : 'Alice Vernadet',
  roles,
  locale: 'fr',
});
const admin = actor(['admin', 'participant']);
const participant = actor(['participant']);
const noRoles = actor([]);

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe.each([
  ['assertMayCreateProcess', assertMayCreateProcess],
  ['assertMayPublishProcess', assertMayPublishProcess],
])('%s', (_name, assertMay) => {
  it('asks anonymous callers to sign in', () => {
    expect(codeOf(() => assertMay(null))).toBe('unauthenticated');
  });

  it('forbids participants and people without roles', () => {
    expect(codeOf(() => assertMay(participant))).toBe('forbidden');
    expect(codeOf(() => assertMay(noRoles))).toBe('forbidden');
  });

  it('does not take a role that merely contains "admin" for the admin role', () => {
    expect(codeOf(() => assertMay(actor(['process-admin', 'Admin'])))).toBe('forbidden');
  });

  it('lets platform administrators through', () => {
    expect(codeOf(() => assertMay(admin))).toBeUndefined();
    expect(codeOf(() => assertMay(actor(['admin'])))).toBeUndefined();
  });
});

describe('maySeeProcess', () => {
  it('shows published processes to everyone', () => {
    for (const who of [null, noRoles, participant, admin]) expect(maySeeProcess(who, 'published')).toBe(true);
  });

  it('shows drafts to platform administrators only', () => {
    expect(maySeeProcess(null, 'draft')).toBe(false);
    expect(maySeeProcess(noRoles, 'draft')).toBe(false);
    expect(maySeeProcess(participant, 'draft')).toBe(false);
    expect(maySeeProcess(admin, 'draft')).toBe(true);
  });
});
