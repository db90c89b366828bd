import { Kysely, Migration, Migrator, sql } from 'kysely';
import { quoteIdent } from './create-database';

export type Migrations = Record<string, Migration>;

export interface MigrationReport {
  applied: string[];
}

/**
 * Creates the service's schema and applies its pending migrations, holding a Postgres advisory
 * lock per schema so replicas starting together migrate once.
 */
export async function migrateSchema(
  db: Kysely<unknown>,
  schema: string,
  migrations: Migrations,
): Promise<MigrationReport> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${'convergences.migrate.' + schema}))`.execute(connection);
    try {
      await sql.raw(`create schema if not exists ${quoteIdent(schema)}`).execute(connection);
      const migrator = new Migrator({
        db: connection.withSchema(schema),
        migrationTableSchema: schema,
        provider: { getMigrations: async () => migrations },
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
        throw new Error(
          `Migration ${failed} of schema ${schema} failed: ${String((error as Error).message ?? error)}`,
          {
            cause: error,
          },
        );
      }
      return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${'convergences.migrate.' + schema}))`.execute(connection);
    }
  });
}
