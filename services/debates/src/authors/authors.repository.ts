import { sql, type Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';

type Db = Kysely<DebatesDatabase>;

/** Remembers the name an author signed with, unless members already told us theirs. */
export async function rememberAuthor(db: Db, personId: string, displayName: string): Promise<void> {
  await db
    .insertInto('authors')
    .values({ person_id: personId, display_name: displayName, name_as_of: null })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}

/** Follows a new name members gave at `asOf` to someone who wrote here, unless a newer one is known. */
export async function renameAuthor(db: Db, personId: string, displayName: string, asOf: Date): Promise<void> {
  await db
    .updateTable('authors')
    .set({ display_name: displayName, name_as_of: asOf })
    .where('person_id', '=', personId)
    .where(sql<boolean>`name_as_of is null or name_as_of < ${asOf}`)
    .execute();
}

/** Records a name as of `asOf` whether or not the person wrote here yet: what a deletion needs. */
export async function nameAuthor(db: Db, personId: string, displayName: string, asOf: Date): Promise<void> {
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
