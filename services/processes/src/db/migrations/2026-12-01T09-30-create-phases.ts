import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Phases of a process, in order, each with its rules. At most one is active per process (a
 * partial unique index says so, whatever the code does). `auto_activated_at` records that the
 * scheduler activated a phase, so it does so once.
 */
export const createPhases: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('phases')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('process_id', 'uuid', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('starts_at', 'timestamptz')
      .addColumn('ends_at', 'timestamptz')
      .addColumn('auto_activate', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('activated_at', 'timestamptz')
      .addColumn('auto_activated_at', 'timestamptz')
      .addColumn('rules', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint('phases_dates_in_order', sql`starts_at is null or ends_at is null or starts_at < ends_at`)
      .addCheckConstraint('phases_scheduled_start', sql`not auto_activate or starts_at is not null`)
      .execute();
    await sql`alter table phases add constraint phases_position_key unique (process_id, position)
      deferrable initially deferred`.execute(db);
    await sql`create unique index phases_one_active on phases (process_id) where active`.execute(db);
    // What the scheduler looks for on every tick.
    await sql`create index phases_due_idx on phases (starts_at)
      where auto_activate and auto_activated_at is null`.execute(db);
  },
};
