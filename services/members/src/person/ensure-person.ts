import { DomainError, type EnsurePersonRequest, type MePerson } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { isDeletedSubject } from '../privacy/account.repository';
import { firstFreeNickname, nicknameBase } from './nickname';
import { insertUnlessTaken, nicknamesLike, refreshBySubject, toMePerson, type PersonRow } from './person.repository';

/**
 * The person behind a verified token: registered on first sight with a nickname of their own
 * (announcing it), otherwise refreshed with the username, roles and email the identity provider
 * now gives. Concurrent first sights of one subject register one person.
 */
export async function ensurePerson(db: Kysely<MembersDatabase>, seen: EnsurePersonRequest): Promise<MePerson> {
  return db.transaction().execute(async (trx) => {
    const known = await refreshBySubject(trx, seen);
    if (known) return toMePerson(known);
    await assertNotDeleted(trx, seen.subject);
    const person = await register(trx, seen);
    if (!person) {
      // Registered by a concurrent sight that committed while we waited for it.
      return toMePerson((await refreshBySubject(trx, seen))!);
    }
    await addToOutbox(
      trx,
      domainEvent(
        'members.person.registered',
        { personId: person.id, username: person.username, displayName: person.display_name, locale: person.locale },
        { personId: person.id },
      ),
    );
    return toMePerson(person);
  });
}

/** Inserts the person under the first free nickname; undefined if the subject got registered meanwhile. */
async function register(db: Kysely<MembersDatabase>, seen: EnsurePersonRequest): Promise<PersonRow | undefined> {
  const base = nicknameBase(seen.username);
  for (;;) {
    const nickname = firstFreeNickname(base, await nicknamesLike(db, base));
    const inserted = await insertUnlessTaken(db, seen, nickname);
    if (inserted) return inserted;
    // Either the subject or the nickname was taken meanwhile: which one decides what next.
    if (await refreshBySubject(db, seen)) return undefined;
    await assertNotDeleted(db, seen.subject);
  }
}

/** The token of a deleted account signs nobody in again (a new account needs a new identity). */
async function assertNotDeleted(db: Kysely<MembersDatabase>, subject: string): Promise<void> {
  if (await isDeletedSubject(db, subject)) {
    throw new DomainError('account_deleted', 'This account was deleted: it can no longer sign in.');
  }
}
