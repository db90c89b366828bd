import { DELETED_ACCOUNT_NAME, DomainError, type Actor, type DeleteAccountResponse } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { MembersDatabase } from '../db/schema';
import { lockById } from '../person/person.repository';
import { anonymise, deleteMembershipsOf, lockAdministeredOrganizations } from './account.repository';

/**
 * The person deletes their account, all at once or not at all: refused while they are the last
 * admin of an organisation; otherwise anonymised, their memberships removed, and
 * `members.person.deleted` announced so that every service anonymises what it holds. Deleting a
 * deleted account changes nothing and announces nothing.
 */
export async function deleteAccount(
  db: Kysely<MembersDatabase>,
  actor: Actor,
  personId: string,
): Promise<DeleteAccountResponse> {
  return db.transaction().execute(async (trx) => {
    const person = await lockById(trx, personId);
    if (!person) throw new DomainError('not_found', 'No such person.');
    if (person.deleted_at) return { personId, deleted: false, deletedAt: person.deleted_at.toISOString() };

    const orphaned = (await lockAdministeredOrganizations(trx, personId)).find((o) => o.activeAdmins <= 1);
    if (orphaned) {
      throw new DomainError(
        'last_admin',
        `You are the last admin of the organisation "${orphaned.name}": make another member admin first, then delete your account.`,
        { organizationId: orphaned.id, organizationSlug: orphaned.slug, organizationName: orphaned.name },
      );
    }

    await deleteMembershipsOf(trx, personId);
    const deleted = await anonymise(trx, personId, DELETED_ACCOUNT_NAME, placeholderNickname());
    await addToOutbox(trx, domainEvent('members.person.deleted', { personId }, actor));
    return { personId, deleted: true, deletedAt: deleted.deleted_at!.toISOString() };
  });
}

/** `deleted-` and 20 random hex digits: valid, unique in practice and impossible to guess. */
function placeholderNickname(): string {
  return `deleted-${randomBytes(10).toString('hex')}`;
}
