import { DomainError, type Actor, type Membership } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertSignedIn, lockMembership } from './membership-access';
import { assertKeepsAnAdmin } from './membership.policy';
import { activeAdminCount, deleteById, findView, toMembership } from './membership.repository';

/** The person leaves the organisation (or withdraws from a pending invitation or request). */
export function leaveMembership(db: Kysely<MembersDatabase>, actor: Actor | null, id: string): Promise<Membership> {
  return endMembership(db, actor, id, 'left');
}

/** An organisation admin removes a member (or drops a pending invitation or request). */
export function removeMembership(db: Kysely<MembersDatabase>, actor: Actor | null, id: string): Promise<Membership> {
  return endMembership(db, actor, id, 'removed');
}

async function endMembership(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
  reason: 'left' | 'removed',
): Promise<Membership> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const { organization, membership, isPerson, manages } = await lockMembership(trx, actor, id);
    if (reason === 'left' && !isPerson) throw new DomainError('forbidden', 'Only the member themself leaves.');
    if (reason === 'removed' && !manages && !isPerson)
      throw new DomainError('forbidden', "Only the organisation's admins remove members.");
    assertKeepsAnAdmin(membership, { leaves: true }, await activeAdminCount(trx, organization.id));
    const before = toMembership((await findView(trx, id))!);
    await deleteById(trx, id);
    if (membership.status === 'active') {
      await addToOutbox(
        trx,
        domainEvent(
          'members.membership.left',
          {
            membershipId: membership.id,
            organizationId: organization.id,
            personId: membership.person_id,
            role: membership.role,
            reason: isPerson ? 'left' : 'removed',
          },
          actor,
        ),
      );
    }
    return before;
  });
}
