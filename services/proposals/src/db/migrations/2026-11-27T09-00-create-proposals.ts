import { sql, type Kysely, type Migration } from 'kysely';

export const createProposals: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('authors')
      .addColumn('person_id', 'uuid', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .execute();
    await sql`create sequence proposal_reference_seq`.execute(db);
    await db.schema
      .createTable('proposals')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull().check(sql`char_length(title) between 15 and 150`))
      .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 10000`))
      .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('fr', 'en')`))
      .addColumn('author_id', 'uuid', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('published')`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('published_at', 'timestamptz')
      .execute();
    await db.schema
      .createIndex('proposals_process_created_idx')
      .on('proposals')
      .columns(['process_id', 'created_at desc', 'id desc'])
      .execute();
  },
};
