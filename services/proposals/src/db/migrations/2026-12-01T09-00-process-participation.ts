import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The rules in force in each process, copied from `processes.participation.changed`: the
 * support quota and thresholds must be read inside the transaction that records a support.
 */
export const processParticipation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('process_participation')
      .addColumn('process_id', 'uuid', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'jsonb', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};
