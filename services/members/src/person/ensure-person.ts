import type { EnsurePersonRequest, MePerson } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { toMePerson, upsertBySubject } from './person.repository';

/**
 * The person behind a verified token: registered on first sight (announcing it), otherwise
 * refreshed with the roles and email the identity provider now gives.
 */
export async function ensurePerson(db: Kysely<MembersDatabase>, seen: EnsurePersonRequest): Promise<MePerson> {
  return db.transaction().execute(async (trx) => {
    const { person, registered } = await upsertBySubject(trx, seen);
    if (registered) {
      await addToOutbox(
        trx,
        domainEvent(
          'members.person.registered',
          { personId: person.id, username: person.username, displayName: person.display_name, locale: person.locale },
          { personId: person.id },
        ),
      );
    }
    return toMePerson(person);
  });
}
