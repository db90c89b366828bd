import { quoteIdent } from '@convergences/database';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Finding proposals by their words: `fold_text(text)` (lowercase, and without accents where the
 * cluster ships `unaccent`) in this schema, since a service uses no other service's objects; a
 * generated `search_vector` of title (weight A) and body (weight B) in the proposal's language
 * (French or English configuration); and a trigram index on the folded title for similarity.
 * The extensions go to `public`, on every service's search path, created once if missing.
 */
export const proposalSearch: Migration = {
  async up(db: Kysely<unknown>) {
    const available = await sql<{ name: string }>`select name from pg_available_extensions
      where name in ('pg_trgm', 'unaccent')`.execute(db);
    const names = new Set(available.rows.map((r) => r.name));
    if (!names.has('pg_trgm')) throw new Error('The pg_trgm extension is needed for similar proposals.');
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    if (names.has('unaccent')) await sql`create extension if not exists unaccent with schema public`.execute(db);
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
    await sql`create or replace function proposal_search_config(text) returns regconfig
      language sql immutable parallel safe strict as
      $$ select case when $1 = 'en' then 'pg_catalog.english'::regconfig else 'pg_catalog.french'::regconfig end $$`.execute(
      db,
    );
    await sql`alter table proposals add column search_vector tsvector generated always as (
        setweight(to_tsvector(proposal_search_config(locale), fold_text(title)), 'A') ||
        setweight(to_tsvector(proposal_search_config(locale), fold_text(body)), 'B')
      ) stored`.execute(db);
    await sql`create index proposals_search_vector on proposals using gin (search_vector)`.execute(db);
    await sql`create index proposals_title_trigram on proposals using gin (fold_text(title) public.gin_trgm_ops)`.execute(
      db,
    );
  },
};
