import { DomainError, type Actor, type AdminPerson } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { activityRecorded } from '../activity/activity-recorded';
import type { MembersDatabase } from '../db/schema';
import { assertMayAdministerPeople, assertMayBlock } from './person.policy';
import { lockById, markBlocked, markUnblocked, toAdminPerson } from './person.repository';

/**
 * A platform admin blocks a person, with a justification, and may hide everything they wrote
 * (`hideContent`, carried by the event); blocking a blocked person changes nothing.
 */
export async function blockPerson(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
  reason: string,
  hideContent = false,
): Promise<AdminPerson> {
  assertMayBlock(actor, id);
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, id);
    if (!current) throw new DomainError('not_found', 'No such person.');
    if (current.blocked_at) return toAdminPerson(current);
    const row = await markBlocked(trx, id, reason, actor.personId);
    await addToOutbox(
      trx,
      domainEvent('members.person.blocked', { personId: row.id, reason, hideContent }, actor),
      activityRecorded(actor, {
        action: 'person.blocked',
        resourceType: 'person',
        resourceId: row.id,
        reason,
        details: { hideContent },
      }),
    );
    return toAdminPerson(row);
  });
}

/** A platform admin lifts a block; unblocking a person who is not blocked changes nothing. */
export async function unblockPerson(
  db: Kysely<MembersDatabase>,
  actor: Actor | null,
  id: string,
): Promise<AdminPerson> {
  assertMayAdministerPeople(actor);
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, id);
    if (!current) throw new DomainError('not_found', 'No such person.');
    if (!current.blocked_at) return toAdminPerson(current);
    const row = await markUnblocked(trx, id);
    await addToOutbox(
      trx,
      domainEvent('members.person.unblocked', { personId: row.id }, actor),
      activityRecorded(actor, { action: 'person.unblocked', resourceType: 'person', resourceId: row.id }),
    );
    return toAdminPerson(row);
  });
}
