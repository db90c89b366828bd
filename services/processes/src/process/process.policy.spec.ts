import { DomainError, defaultParticipationSettings, type Actor } from '@convergences/contracts';
import type { ProcessStanding } from '../access/process-access.repository';
import {
  assertMayAdministerProcess,
  assertMayCreateProcess,
  assertNotClosed,
  assertVerificationsCheckable,
} from './process.policy';

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
const standing = (roles: ProcessStanding['roles'] = []): ProcessStanding => ({ roles, invited: false, blocked: false });

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

describe('assertMayCreateProcess', () => {
  it('asks anonymous callers to sign in and forbids participants', () => {
    expect(codeOf(() => assertMayCreateProcess(null))).toBe('unauthenticated');
    expect(codeOf(() => assertMayCreateProcess(participant))).toBe('forbidden');
  });

  it('does not take a role that merely contains "admin" for the admin role', () => {
    expect(codeOf(() => assertMayCreateProcess(actor(['process-admin', 'Admin'])))).toBe('forbidden');
  });

  it('lets platform administrators through', () => {
    expect(codeOf(() => assertMayCreateProcess(admin))).toBeUndefined();
  });
});

describe('assertMayAdministerProcess', () => {
  it('lets platform admins and process admins through, and no other role', () => {
    expect(codeOf(() => assertMayAdministerProcess(admin, standing()))).toBeUndefined();
    expect(codeOf(() => assertMayAdministerProcess(participant, standing(['admin'])))).toBeUndefined();
    for (const role of ['collaborator', 'moderator', 'valuator'] as const) {
      expect(codeOf(() => assertMayAdministerProcess(participant, standing([role])))).toBe('forbidden');
    }
    expect(codeOf(() => assertMayAdministerProcess(null, standing()))).toBe('unauthenticated');
  });
});

describe('assertVerificationsCheckable', () => {
  const requiring = {
    ...defaultParticipationSettings,
    requiredVerifications: { support_proposal: 'residency' as const },
  };

  it('refuses required verifications in a process without a territory', () => {
    expect(codeOf(() => assertVerificationsCheckable(requiring, null))).toBe('validation_failed');
  });

  it('accepts them once the process has a territory, and no requirement anywhere', () => {
    expect(
      codeOf(() => assertVerificationsCheckable(requiring, '01900000-0000-7000-8000-0000000000aa')),
    ).toBeUndefined();
    expect(codeOf(() => assertVerificationsCheckable(defaultParticipationSettings, null))).toBeUndefined();
  });
});

describe('assertNotClosed', () => {
  it('refuses changes to a closed process with process_closed', () => {
    expect(codeOf(() => assertNotClosed('closed'))).toBe('process_closed');
    expect(codeOf(() => assertNotClosed('published'))).toBeUndefined();
  });
});
