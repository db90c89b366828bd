import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The territory a person lives in: the id of a territory of `processes` (no foreign key, as the
 * territories live in another schema), erased with the account.
 */
export const peopleTerritory: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('people').addColumn('territory_id', 'uuid').execute();
    await db.schema
      .alterTable('people')
      .addCheckConstraint('people_deleted_no_territory', sql`deleted_at is null or territory_id is null`)
      .execute();
  },
};
