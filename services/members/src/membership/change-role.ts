import { DomainError, type Actor, type Membership, type MembershipRole } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertSignedIn, lockMembership } from './membership-access';
import { assertKeepsAnAdmin } from './membership.policy';
import { activeAdminCount, findView, setRole, toMembership } from './membership.repository';

/** An organisation admin makes a member admin, or an admin a member (never the last admin). */
export async function changeRole(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
  role: MembershipRole,
): Promise<Membership> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const { organization, membership, manages } = await lockMembership(trx, actor, id);
    if (!manages) throw new DomainError('forbidden', "Only the organisation's admins change roles.");
    assertKeepsAnAdmin(membership, { role }, await activeAdminCount(trx, organization.id));
    if (membership.role !== role) {
      await setRole(trx, id, role);
      if (membership.status === 'active') {
        await addToOutbox(
          trx,
          domainEvent(
            'members.membership.roleChanged',
            { membershipId: id, organizationId: organization.id, personId: membership.person_id, role },
            actor,
          ),
        );
      }
    }
    return toMembership((await findView(trx, id))!);
  });
}
