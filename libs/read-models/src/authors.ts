import { sql, type Kysely, type Transaction } from 'kysely';

/** The names of the people who wrote in a service, kept from members' events. */
export interface AuthorsTable {
  person_id: string;
  display_name: string;
  /** When members gave this name (null: taken from the author's own request). */
  name_as_of: Date | null;
}

export interface AuthorTables {
  authors: AuthorsTable;
}

const authorsOf = <DB extends AuthorTables>(db: Kysely<DB> | Transaction<DB>) => db as unknown as Kysely<AuthorTables>;

/** Remembers the name an author signed with, unless members already told us theirs. */
export async function rememberAuthor<DB extends AuthorTables>(
  db: Kysely<DB> | Transaction<DB>,
  personId: string,
  displayName: string,
): Promise<void> {
  await authorsOf(db)
    .insertInto('authors')
    .values({ person_id: personId, display_name: displayName, name_as_of: null })
    .onConflict((oc) => oc.column('person_id').doNothing())
    .execute();
}

/** Follows a new name members gave at `asOf` to someone who wrote here, unless a newer one is known. */
export async function renameAuthor<DB extends AuthorTables>(
  db: Kysely<DB> | Transaction<DB>,
  personId: string,
  displayName: string,
  asOf: Date,
): Promise<void> {
  await authorsOf(db)
    .updateTable('authors')
    .set({ display_name: displayName, name_as_of: asOf })
    .where('person_id', '=', personId)
    .where(sql<boolean>`name_as_of is null or name_as_of < ${asOf}`)
    .execute();
}

/**
 * Records the name members gave someone at `asOf`, whether or not they wrote here yet (what a
 * registration or a deletion needs), unless a newer one is already known.
 */
export async function nameAuthor<DB extends AuthorTables>(
  db: Kysely<DB> | Transaction<DB>,
  personId: string,
  displayName: string,
  asOf: Date,
): Promise<void> {
  await authorsOf(db)
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
