import type { Kysely, Migration } from 'kysely';

/**
 * The latest block or unblock members announced for each person, by event time (the event id
 * breaks ties). Blocks and unblocks reach processes through two consumers, in any order: an event
 * older than this one changes nothing, so a late block cannot undo a newer unblock, nor the reverse.
 */
export const createBlockChanges: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('block_changes')
      .addColumn('person_id', 'uuid', (c) => c.primaryKey())
      .addColumn('blocked', 'boolean', (c) => c.notNull())
      .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
      .addColumn('event_id', 'uuid', (c) => c.notNull())
      .execute();
  },
};
