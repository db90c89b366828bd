import { sql, type Kysely, type Migration } from 'kysely';

/** Themes form a tree, each with a name per locale and a colour. */
export const createThemes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('themes')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb')
      .addColumn('colour', 'text', (c) => c.notNull().check(sql`colour ~ '^#[0-9a-f]{6}$'`))
      .addColumn('parent_id', 'uuid', (c) => c.references('themes.id'))
      .addColumn('position', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(0)
          .check(sql`position >= 0`),
      )
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint('themes_not_own_parent', sql`parent_id is distinct from id`)
      .execute();
    await db.schema.createIndex('themes_parent_idx').on('themes').columns(['parent_id', 'position']).execute();
  },
};
