import type { Actor } from '@convergences/contracts';
import type { ProcessStanding } from '../access/process-access.repository';
import {
  assertKeepsAProcessAdmin,
  assertMayManageAccess,
  assertMayReadAccess,
  assertMaySeeRolesOf,
} from './role.policy';

const codeOf = (action: () => void) => {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

const actor = (personId: string, roles: string[]): Actor => ({
  personId,
  subject: `sub-${personId}`,
  username: 'someone',
  displayName: 'Someone',
  roles,
  locale: 'fr',
});
const platformAdmin = actor('01900000-0000-7000-8000-000000000001', ['admin', 'participant']);
const participant = actor('01900000-0000-7000-8000-000000000002', ['participant']);
const standing = (overrides: Partial<ProcessStanding> = {}): ProcessStanding => ({
  roles: [],
  invited: false,
  blocked: false,
  ...overrides,
});
const publicProcess = { status: 'published', visibility: 'public' } as const;
const privateProcess = { status: 'published', visibility: 'private' } as const;
const draft = { status: 'draft', visibility: 'public' } as const;

describe('assertMayManageAccess', () => {
  it('lets platform admins and process admins give roles and invitations, drafts and private processes included', () => {
    for (const process of [publicProcess, privateProcess, draft]) {
      expect(codeOf(() => assertMayManageAccess(platformAdmin, process, standing()))).toBeUndefined();
      expect(codeOf(() => assertMayManageAccess(participant, process, standing({ roles: ['admin'] })))).toBeUndefined();
    }
  });

  it('forbids it to other role holders and to people who merely see the process', () => {
    for (const role of ['collaborator', 'moderator', 'valuator'] as const) {
      expect(codeOf(() => assertMayManageAccess(participant, publicProcess, standing({ roles: [role] })))).toBe(
        'forbidden',
      );
    }
    expect(codeOf(() => assertMayManageAccess(participant, publicProcess, standing()))).toBe('forbidden');
    expect(codeOf(() => assertMayManageAccess(participant, privateProcess, standing({ invited: true })))).toBe(
      'forbidden',
    );
  });

  it('answers not_found for a process the actor may not see, or none', () => {
    expect(codeOf(() => assertMayManageAccess(participant, privateProcess, standing()))).toBe('not_found');
    expect(codeOf(() => assertMayManageAccess(participant, draft, standing({ invited: true })))).toBe('not_found');
    expect(codeOf(() => assertMayManageAccess(platformAdmin, undefined, standing()))).toBe('not_found');
  });
});

describe('assertMayReadAccess', () => {
  it('lets every role holder and platform admins read roles and invitations', () => {
    for (const role of ['admin', 'collaborator', 'moderator', 'valuator'] as const) {
      expect(
        codeOf(() => assertMayReadAccess(participant, privateProcess, standing({ roles: [role] }))),
      ).toBeUndefined();
    }
    expect(codeOf(() => assertMayReadAccess(platformAdmin, draft, standing()))).toBeUndefined();
  });

  it('forbids it to participants and invited people, hiding processes they may not see', () => {
    expect(codeOf(() => assertMayReadAccess(participant, publicProcess, standing()))).toBe('forbidden');
    expect(codeOf(() => assertMayReadAccess(participant, privateProcess, standing({ invited: true })))).toBe(
      'forbidden',
    );
    expect(codeOf(() => assertMayReadAccess(participant, privateProcess, standing()))).toBe('not_found');
  });
});

describe('assertKeepsAProcessAdmin', () => {
  const ownAdminRole = { personId: participant.personId, role: 'admin' } as const;

  it('refuses that the only process admin gives up their own admin role', () => {
    expect(codeOf(() => assertKeepsAProcessAdmin(participant, ownAdminRole, 1))).toBe('last_admin');
  });

  it('lets a process admin give it up when another admin stays, and give up other roles', () => {
    expect(codeOf(() => assertKeepsAProcessAdmin(participant, ownAdminRole, 2))).toBeUndefined();
    expect(
      codeOf(() => assertKeepsAProcessAdmin(participant, { personId: participant.personId, role: 'moderator' }, 1)),
    ).toBeUndefined();
  });

  it('lets platform admins remove the last admin, themselves included', () => {
    expect(codeOf(() => assertKeepsAProcessAdmin(platformAdmin, ownAdminRole, 1))).toBeUndefined();
    expect(
      codeOf(() => assertKeepsAProcessAdmin(platformAdmin, { personId: platformAdmin.personId, role: 'admin' }, 1)),
    ).toBeUndefined();
  });
});

describe('assertMaySeeRolesOf', () => {
  it('shows a person their own roles, and anybody’s to platform admins', () => {
    expect(codeOf(() => assertMaySeeRolesOf(participant, participant.personId))).toBeUndefined();
    expect(codeOf(() => assertMaySeeRolesOf(platformAdmin, participant.personId))).toBeUndefined();
  });

  it('hides other people’s roles and asks anonymous callers to sign in', () => {
    expect(codeOf(() => assertMaySeeRolesOf(participant, platformAdmin.personId))).toBe('forbidden');
    expect(codeOf(() => assertMaySeeRolesOf(null, participant.personId))).toBe('unauthenticated');
  });
});
