import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Supports, and what holds their limits under concurrency: one support per person and proposal
 * (unique), and one tally row per person and process that every support and withdrawal of that
 * person locks first and changes with a conditional update (`given < quota`), so no interleaving
 * of requests can give more than the quota. A support is `counted` (in the proposal's
 * `supports_count`) or pending, until its giver reaches the process's minimum.
 */
export const createSupports: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('supports')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('proposal_id', 'uuid', (c) => c.notNull().references('proposals.id'))
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('counted', 'boolean', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('supports_one_per_person', ['proposal_id', 'person_id'])
      .execute();
    await db.schema
      .createIndex('supports_person_idx')
      .on('supports')
      .columns(['process_id', 'person_id', 'created_at desc'])
      .execute();
    await db.schema
      .createTable('support_tallies')
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('given', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`given >= 0`),
      )
      .addPrimaryKeyConstraint('support_tallies_pk', ['process_id', 'person_id'])
      .execute();
  },
};
