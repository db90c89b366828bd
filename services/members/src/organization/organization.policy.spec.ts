import { type Actor } from '@convergences/contracts';
import {
  assertMayCreateOrganization,
  assertMayManageOrganization,
  assertMayVerifyOrganization,
  maySeeOrganization,
} from './organization.policy';

const actor = (roles: string[]): Actor => ({
  personId: '01900000-0000-7000-8000-000000000001',
  subject: 'sub-1',
  username: 'alice',
  displayName: 'Alice',
  roles,
  locale: 'fr',
});
const platformAdmin = actor(['admin', 'participant']);
const participant = actor(['participant']);

function codeOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('organisation policy', () => {
  it('lets any signed-in participant propose an organisation', () => {
    expect(codeOf(() => assertMayCreateOrganization(null))).toBe('unauthenticated');
    expect(codeOf(() => assertMayCreateOrganization(actor([])))).toBe('forbidden');
    expect(codeOf(() => assertMayCreateOrganization(participant))).toBeUndefined();
  });

  it("lets the organisation's active admins and platform admins manage it, nobody else", () => {
    expect(codeOf(() => assertMayManageOrganization(null, undefined))).toBe('unauthenticated');
    expect(codeOf(() => assertMayManageOrganization(participant, undefined))).toBe('forbidden');
    expect(codeOf(() => assertMayManageOrganization(participant, { role: 'member', status: 'active' }))).toBe(
      'forbidden',
    );
    expect(codeOf(() => assertMayManageOrganization(participant, { role: 'admin', status: 'invited' }))).toBe(
      'forbidden',
    );
    expect(codeOf(() => assertMayManageOrganization(participant, { role: 'admin', status: 'active' }))).toBeUndefined();
    expect(codeOf(() => assertMayManageOrganization(platformAdmin, undefined))).toBeUndefined();
  });

  it('keeps verification to platform admins', () => {
    expect(codeOf(() => assertMayVerifyOrganization(null))).toBe('unauthenticated');
    expect(codeOf(() => assertMayVerifyOrganization(participant))).toBe('forbidden');
    expect(codeOf(() => assertMayVerifyOrganization(actor(['Admin', 'org-admin'])))).toBe('forbidden');
    expect(codeOf(() => assertMayVerifyOrganization(platformAdmin))).toBeUndefined();
  });

  it('shows pending organisations to their members, invitees and platform admins only', () => {
    expect(maySeeOrganization(null, 'verified', undefined)).toBe(true);
    expect(maySeeOrganization(null, 'pending', undefined)).toBe(false);
    expect(maySeeOrganization(participant, 'pending', undefined)).toBe(false);
    expect(maySeeOrganization(participant, 'pending', { role: 'member', status: 'requested' })).toBe(false);
    expect(maySeeOrganization(participant, 'pending', { role: 'member', status: 'invited' })).toBe(true);
    expect(maySeeOrganization(participant, 'pending', { role: 'member', status: 'active' })).toBe(true);
    expect(maySeeOrganization(platformAdmin, 'pending', undefined)).toBe(true);
  });
});
