import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

const countOf = (column: string) => (c: ColumnDefinitionBuilder) =>
  c
    .notNull()
    .defaultTo(0)
    .check(sql`${sql.ref(column)} >= 0`);

/**
 * A process's statistics, kept from other services' events: who took part (once per process, with
 * the Paris day they were first seen) and a line of counts per Paris day; totals are the sums of
 * the lines. Counts only grow, except `participants`, which moves to an earlier day when an older
 * event arrives late: every one of them stays at zero or above.
 */
export const createProcessStats: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('process_participants')
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('first_seen_on', 'date', (c) => c.notNull())
      .addPrimaryKeyConstraint('process_participants_pk', ['process_id', 'person_id'])
      .execute();

    await db.schema
      .createTable('process_daily_stats')
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('day', 'date', (c) => c.notNull())
      .addColumn('participants', 'integer', countOf('participants'))
      .addColumn('proposals', 'integer', countOf('proposals'))
      .addColumn('supports', 'integer', countOf('supports'))
      .addColumn('supports_withdrawn', 'integer', countOf('supports_withdrawn'))
      .addColumn('comments', 'integer', countOf('comments'))
      .addColumn('debates', 'integer', countOf('debates'))
      .addPrimaryKeyConstraint('process_daily_stats_pk', ['process_id', 'day'])
      .execute();
  },
};
