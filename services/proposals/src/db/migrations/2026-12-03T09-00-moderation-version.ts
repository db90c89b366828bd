import type { Kysely, Migration } from 'kysely';

/**
 * The version of the moderation a proposal shows (hidden or not), as the debates service
 * numbered it: an older hiding or showing arriving after a newer one changes nothing.
 */
export const moderationVersion: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('proposals')
      .addColumn('moderation_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
