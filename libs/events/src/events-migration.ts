import { sql, type Kysely, type Migration } from 'kysely';

/** The channel Postgres notifies when a schema's outbox gets a new row. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

/** The migration that gives a service's schema its outbox and its processed-events ledger. */
export function eventsMigration(schema: string): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('envelope', 'jsonb', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('sent_at', 'timestamptz')
        .execute();
      await db.schema
        .createIndex('outbox_unsent_idx')
        .on('outbox')
        .column('id')
        .where(sql.ref('sent_at'), 'is', null)
        .execute();
      await db.schema
        .createTable('processed_events')
        .addColumn('consumer', 'text', (c) => c.notNull())
        .addColumn('event_id', 'uuid', (c) => c.notNull())
        .addColumn('processed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('processed_events_pk', ['consumer', 'event_id'])
        .execute();
      const fn = sql.raw(`"${schema}".outbox_notify`);
      await sql`create function ${fn}() returns trigger language plpgsql as $$
        begin perform pg_notify(${sql.lit(outboxChannel(schema))}, ''); return null; end $$`.execute(db);
      await sql`create trigger outbox_notify after insert on ${sql.raw(`"${schema}".outbox`)}
        for each statement execute function ${fn}()`.execute(db);
    },
  };
}
