import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The territorial tree. `ancestor_ids` (root first) is kept with each row so that "this territory
 * and everything under it" is one indexed lookup, not a recursive walk.
 */
export const createTerritories: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('territories')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 150`))
      .addColumn('type', 'text', (c) =>
        c.notNull().check(sql`type in ('region', 'departement', 'epci', 'commune', 'quartier')`),
      )
      .addColumn('code', 'text')
      .addColumn('parent_id', 'uuid', (c) => c.references('territories.id'))
      .addColumn('ancestor_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint('territories_not_own_parent', sql`parent_id is distinct from id`)
      .execute();
    await sql`create unique index territories_type_code_key on territories (type, code) where code is not null`.execute(
      db,
    );
    await db.schema.createIndex('territories_parent_idx').on('territories').column('parent_id').execute();
    await sql`create index territories_ancestors_idx on territories using gin (ancestor_ids)`.execute(db);
    await sql`create index territories_name_idx on territories (lower(name))`.execute(db);
  },
};
