import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';

/** Records (or refreshes) the name an author is shown under. */
export async function saveAuthor(db: Kysely<ProposalsDatabase>, personId: string, displayName: string): Promise<void> {
  await db
    .insertInto('authors')
    .values({ person_id: personId, display_name: displayName })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ display_name: displayName }))
    .execute();
}
