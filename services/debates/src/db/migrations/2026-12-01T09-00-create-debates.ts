import { quoteIdent } from '@convergences/database';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Debates, with what they need beside them: the names of their authors and the rules in force in
 * each process (both kept from other services' events), and finding debates by their words.
 * `fold_text(text)` (lowercase, and without accents where the cluster ships `unaccent`) lives in
 * this schema, since a service uses no other service's objects; `search_vector` holds the title
 * (weight A) and description (weight B) in French and in English, each in its language's
 * configuration. The extensions go to `public`, on every service's search path, created once if
 * missing. A debate is open while `closed_at` is null, and then has no conclusions.
 */
export const createDebates: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('authors')
      .addColumn('person_id', 'uuid', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('name_as_of', 'timestamptz')
      .execute();
    await db.schema
      .createTable('process_participation')
      .addColumn('process_id', 'uuid', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('snapshot', 'jsonb', (c) => c.notNull())
      .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    const available = await sql<{ name: string }>`select name from pg_available_extensions
      where name = 'unaccent'`.execute(db);
    if (available.rows.length) await sql`create extension if not exists unaccent with schema public`.execute(db);
    const installed = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
      join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db);
    const schema = installed.rows[0]?.schema;
    // With its dictionary named, unaccent gives the same answer for the same text: safe to call immutable.
    const body = schema
      ? `select lower(${quoteIdent(schema)}.unaccent('${quoteIdent(schema)}.unaccent'::regdictionary, $1))`
      : 'select lower($1)';
    await sql
      .raw(
        `create or replace function fold_text(text) returns text language sql immutable parallel safe strict as $$ ${body} $$`,
      )
      .execute(db);

    await db.schema
      .createTable('debates')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('process_id', 'uuid', (c) => c.notNull())
      .addColumn('official', 'boolean', (c) => c.notNull())
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('description', 'jsonb', (c) => c.notNull())
      .addColumn('instructions', 'jsonb')
      .addColumn('information_updates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('theme_id', 'uuid')
      .addColumn('starts_at', 'timestamptz')
      .addColumn('ends_at', 'timestamptz')
      .addColumn('author_id', 'uuid', (c) => c.notNull())
      .addColumn('organizer_id', 'uuid')
      .addColumn('organizer_name', 'text')
      .addColumn('conclusions', 'jsonb')
      .addColumn('closed_at', 'timestamptz')
      .addColumn('closed_by', 'uuid')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('hidden_at', 'timestamptz')
      .addCheckConstraint('debates_window_in_order', sql`starts_at is null or ends_at is null or starts_at < ends_at`)
      .addCheckConstraint('debates_closed_with_conclusions', sql`(closed_at is null) = (conclusions is null)`)
      .addCheckConstraint('debates_official_in_organiser_name', sql`not official or organizer_name is not null`)
      .execute();
    await sql`alter table debates add column search_vector tsvector generated always as (
        setweight(to_tsvector('pg_catalog.french', fold_text(coalesce(title->>'fr', ''))), 'A') ||
        setweight(to_tsvector('pg_catalog.english', fold_text(coalesce(title->>'en', ''))), 'A') ||
        setweight(to_tsvector('pg_catalog.french', fold_text(coalesce(description->>'fr', ''))), 'B') ||
        setweight(to_tsvector('pg_catalog.english', fold_text(coalesce(description->>'en', ''))), 'B')
      ) stored`.execute(db);
    await sql`create index debates_search_vector on debates using gin (search_vector)`.execute(db);
    await sql`create index debates_process_recent_idx on debates (process_id, created_at desc, id desc)
      where hidden_at is null`.execute(db);
    await sql`create index debates_author_idx on debates (author_id, created_at)`.execute(db);
  },
};
