import { DomainError, type Actor, type Membership } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { announceJoined } from './join-organization';
import { assertSignedIn, lockMembership } from './membership-access';
import { answeredByPerson } from './membership.policy';
import { activate, deleteById, findView, toMembership } from './membership.repository';

/** The invited person accepts an invitation, or an organisation admin accepts a request to join. */
export async function acceptMembership(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
): Promise<Membership> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const { membership, isPerson, manages } = await lockMembership(trx, actor, id);
    if (membership.status === 'active') throw new DomainError('conflict', 'This membership is already active.');
    const allowed = answeredByPerson(membership.status) ? isPerson : manages;
    if (!allowed) {
      throw new DomainError(
        'forbidden',
        membership.status === 'invited'
          ? 'Only the invited person accepts an invitation.'
          : "Only the organisation's admins accept a request to join.",
      );
    }
    const row = await activate(trx, id);
    await announceJoined(trx, actor, row);
    return toMembership((await findView(trx, id))!);
  });
}

/**
 * Declines a pending invitation or request: the side who must answer declines it, the side who
 * asked withdraws it. Active memberships end by leaving or removal instead.
 */
export async function declineMembership(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
): Promise<Membership> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const { membership, isPerson, manages } = await lockMembership(trx, actor, id);
    if (membership.status === 'active')
      throw new DomainError('conflict', 'This membership is active: leave the organisation or remove the member.');
    if (!isPerson && !manages) throw new DomainError('forbidden', 'This invitation or request is not yours to answer.');
    const before = toMembership((await findView(trx, id))!);
    await deleteById(trx, id);
    return before;
  });
}
