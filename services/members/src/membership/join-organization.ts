import { DomainError, type Actor, type Membership, type MembershipRole } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertMayManageOrganization, maySeeOrganization } from '../organization/organization.policy';
import { lockById } from '../organization/organization.repository';
import { assertSignedIn } from './membership-access';
import {
  activate,
  findFor,
  findPersonId,
  findView,
  insertUnlessPresent,
  toMembership,
  type MembershipRow,
} from './membership.repository';

/**
 * An organisation admin invites a person, who then accepts or declines. Inviting someone who
 * already asked to join lets them in at once.
 */
export async function invite(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  request: { organizationId: string; nickname?: string; personId?: string; role: MembershipRole },
): Promise<Membership> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const organization = await lockById(trx, request.organizationId);
    const own = organization ? await findFor(trx, organization.id, actor.personId) : undefined;
    if (!organization || !maySeeOrganization(actor, organization.status, own))
      throw new DomainError('not_found', 'No such organisation.');
    assertMayManageOrganization(actor, own);
    const personId = await findPersonId(trx, request);
    if (!personId)
      throw new DomainError('not_found', 'No such person.', { field: request.personId ? 'personId' : 'nickname' });
    const existing = await findFor(trx, organization.id, personId);
    let row: MembershipRow;
    if (existing?.status === 'requested') {
      row = await activate(trx, existing.id, request.role);
      await announceJoined(trx, actor, row);
    } else if (existing) {
      throw new DomainError(
        'conflict',
        existing.status === 'active' ? 'This person is already a member.' : 'This person is already invited.',
      );
    } else {
      row = (await insertUnlessPresent(trx, {
        organizationId: organization.id,
        personId,
        role: request.role,
        status: 'invited',
        invitedBy: actor.personId,
      }))!;
    }
    return toMembership((await findView(trx, row.id))!);
  });
}

/**
 * A person asks to join a verified organisation (pending ones are not visible to them); an
 * organisation admin then accepts or declines. Asking after being invited accepts the invitation.
 */
export async function requestToJoin(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  organizationId: string,
): Promise<Membership> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const organization = await lockById(trx, organizationId);
    const existing = organization ? await findFor(trx, organization.id, actor.personId) : undefined;
    if (!organization || !maySeeOrganization(actor, organization.status, existing))
      throw new DomainError('not_found', 'No such organisation.');
    let row: MembershipRow;
    if (existing?.status === 'invited') {
      row = await activate(trx, existing.id);
      await announceJoined(trx, actor, row);
    } else if (existing) {
      throw new DomainError(
        'conflict',
        existing.status === 'active' ? 'You are already a member.' : 'You already asked to join.',
      );
    } else {
      row = (await insertUnlessPresent(trx, {
        organizationId: organization.id,
        personId: actor.personId,
        role: 'member',
        status: 'requested',
        invitedBy: null,
      }))!;
    }
    return toMembership((await findView(trx, row.id))!);
  });
}

/** Tells the other services that a person became an active member. */
export async function announceJoined(trx: Kysely<MembersDatabase>, actor: Actor, row: MembershipRow): Promise<void> {
  await addToOutbox(
    trx,
    domainEvent(
      'members.membership.joined',
      { membershipId: row.id, organizationId: row.organization_id, personId: row.person_id, role: row.role },
      actor,
    ),
  );
}
