import type { Kysely, Migration } from 'kysely';

/**
 * The version of the comment count a proposal shows, as the debates service numbered it: an
 * older count arriving after a newer one changes nothing.
 */
export const commentCounts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('proposals')
      .addColumn('comments_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
