import { sql, type Kysely, type Migration } from 'kysely';

/** A deleted account keeps its row, anonymised, so that ids elsewhere still point somewhere. */
export const peopleDeleted: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('people').addColumn('deleted_at', 'timestamptz').execute();
    await db.schema
      .alterTable('people')
      .addCheckConstraint('people_deleted_anonymised', sql`deleted_at is null or (email is null and bio is null)`)
      .execute();
  },
};
