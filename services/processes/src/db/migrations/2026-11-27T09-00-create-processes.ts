import { sql, type Kysely, type Migration } from 'kysely';

export const createProcesses: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('processes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
      .addColumn('proposals_count', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`proposals_count >= 0`),
      )
      .addColumn('created_by', 'uuid', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('published_at', 'timestamptz')
      .addCheckConstraint('processes_published_at', sql`(status = 'draft') = (published_at is null)`)
      .execute();
    await db.schema
      .createIndex('processes_status_created_idx')
      .on('processes')
      .columns(['status', 'created_at'])
      .execute();
  },
};
