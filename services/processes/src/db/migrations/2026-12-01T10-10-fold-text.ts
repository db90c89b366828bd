import { quoteIdent } from '@convergences/database';
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `fold_text(text)`: lowercase and, where the cluster ships the `unaccent` extension, without
 * accents, so that searching "nimes" finds "Nîmes". A cluster without it still works: the
 * search is then only case-insensitive. The extension goes to `public`, which every service has
 * on its search path, so it is installed once for all of them.
 */
export const foldText: Migration = {
  async up(db: Kysely<unknown>) {
    const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions
      where name = 'unaccent'`.execute(db);
    if (available.rows[0].n > 0) await sql`create extension if not exists unaccent with schema public`.execute(db);
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
  },
};
