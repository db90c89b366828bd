import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';

// bigint counts (count(*)) come back as numbers: every count we keep fits in 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
// Calendar dates stay `YYYY-MM-DD`: turned into a Date they would shift with the time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface DatabaseOptions {
  url: string;
  /** The service's own schema: every unqualified table name resolves there first. */
  schema: string;
  poolSize?: number;
  applicationName?: string;
  /** Told when an idle pooled connection fails (server restart, network cut). */
  onIdleError?: (error: Error) => void;
}

/**
 * A Kysely instance on a pooled connection whose search_path is the service's schema. The schema
 * is set on the connection rather than by Kysely's `withSchema`, whose plugin rewrites the tree of
 * every query: a third of the query-building CPU of a support under load (docs/performance.md).
 */
export function createDatabase<DB>(options: DatabaseOptions): Kysely<DB> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`Invalid schema name: ${options.schema}`);
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? options.schema,
    options: `-c search_path=${options.schema},public`,
  });
  // An idle connection dropped by the server must not take the process down; the pool reconnects.
  pool.on('error', (error) => options.onIdleError?.(error));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
