import { sql, type Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';

/** Remembers the name an author signed with, unless members already told us theirs. */
export async function rememberAuthor(
  db: Kysely<ProposalsDatabase>,
  personId: string,
  displayName: string,
): Promise<void> {
  await db
    .insertInto('authors')
    .values({ person_id: personId, display_name: displayName, name_as_of: null })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}

/** Records the name members gave an author at `asOf`, unless a newer one is already known. */
export async function nameAuthor(
  db: Kysely<ProposalsDatabase>,
  personId: string,
  displayName: string,
  asOf: Date,
): Promise<void> {
  await db
    .insertInto('authors')
    .values({ person_id: personId, display_name: displayName, name_as_of: asOf })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ display_name: displayName, name_as_of: asOf })
        .where(sql<boolean>`authors.name_as_of is null or authors.name_as_of < ${asOf}`),
    )
    .execute();
}
