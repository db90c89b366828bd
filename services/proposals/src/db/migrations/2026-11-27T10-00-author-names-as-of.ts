import type { Kysely, Migration } from 'kysely';

/** When the author's name was given, so that an older event never overwrites a newer name. */
export const authorNamesAsOf: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('authors').addColumn('name_as_of', 'timestamptz').execute();
  },
};
