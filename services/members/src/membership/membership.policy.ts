import { DomainError, type MembershipRole, type MembershipStatus } from '@convergences/contracts';

/** A membership as the rules see it. */
export interface MembershipFacts {
  role: MembershipRole;
  status: MembershipStatus;
}

/**
 * An organisation always keeps an admin: its last active admin may not leave, be removed or be
 * demoted. `activeAdmins` must be counted with the organisation locked.
 */
export function assertKeepsAnAdmin(
  membership: MembershipFacts,
  change: { leaves: true } | { role: MembershipRole },
  activeAdmins: number,
): void {
  const wasAdmin = membership.status === 'active' && membership.role === 'admin';
  const staysAdmin = 'role' in change && change.role === 'admin';
  if (wasAdmin && !staysAdmin && activeAdmins <= 1) {
    throw new DomainError(
      'last_admin',
      'The last admin of an organisation cannot leave it, be removed or be demoted: make another member admin first.',
    );
  }
}

/** Who must answer a pending membership: the person for an invitation, an organisation admin for a request. */
export function answeredByPerson(status: MembershipStatus): boolean {
  return status === 'invited';
}
