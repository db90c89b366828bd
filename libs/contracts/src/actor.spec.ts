import { assertPlatformAdmin, hasRealmRole, type Actor } from './actor';
import { DomainError } from './errors';

const actor = (roles: string[]): Actor => ({
  personId: '01900000-0000-7000-8000-000000000001',
  subject: 'sub-1',
  username: 'someone',
  displayName: 'Someone',
  roles,
  locale: 'fr',
});

function failureOf(action: () => void): DomainError | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
}

describe('hasRealmRole', () => {
  it('matches the exact role name only', () => {
    expect(hasRealmRole(actor(['participant', 'admin']), 'admin')).toBe(true);
    expect(hasRealmRole(actor(['administrator', 'Admin', 'process-admin']), 'admin')).toBe(false);
    expect(hasRealmRole(null, 'participant')).toBe(false);
  });
});

describe('assertPlatformAdmin', () => {
  it('asks anonymous callers to sign in, saying what for', () => {
    const failure = failureOf(() => assertPlatformAdmin(null, 'manage themes'));
    expect(failure).toMatchObject({ code: 'unauthenticated', message: 'Sign in to manage themes.' });
  });

  it('refuses everybody without the admin realm role, whatever their other roles', () => {
    for (const roles of [[], ['participant'], ['administrator'], ['Admin']]) {
      expect(failureOf(() => assertPlatformAdmin(actor(roles), 'manage territories'))).toMatchObject({
        code: 'forbidden',
        message: 'Only platform administrators manage territories.',
      });
    }
  });

  it('lets platform administrators through', () => {
    expect(failureOf(() => assertPlatformAdmin(actor(['admin']), 'manage themes'))).toBeUndefined();
    expect(failureOf(() => assertPlatformAdmin(actor(['participant', 'admin']), 'manage themes'))).toBeUndefined();
  });
});
