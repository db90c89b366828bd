import { sql, type ColumnType, type Kysely, type Migration, type Transaction } from 'kysely';

/** Remembered answers to requests that carried an `Idempotency-Key`. */
export interface IdempotencyKeysTable {
  person_id: string;
  operation: string;
  key: string;
  response: ColumnType<unknown, string | null, string>;
  created_at: ColumnType<Date, never, never>;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}

/** The migration that gives a service's schema its idempotency-key table. */
export const idempotencyKeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('person_id', 'uuid', (c) => c.notNull())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('response', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['person_id', 'operation', 'key'])
      .execute();
  },
};

export interface IdempotencyScope {
  personId: string;
  operation: string;
  key?: string;
}

/**
 * Runs `create` once per (person, operation, key) inside the caller's transaction; a retry with
 * the same key answers the first result. Concurrent retries wait on the first one's row lock.
 */
export async function idempotent<DB extends IdempotencyTables, T>(
  db: Kysely<DB> | Transaction<DB>,
  scope: IdempotencyScope,
  create: () => Promise<T>,
): Promise<T> {
  if (!scope.key) return create();
  const trx = db as unknown as Kysely<IdempotencyTables>;
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ person_id: scope.personId, operation: scope.operation, key: scope.key, response: null })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (!claimed.numInsertedOrUpdatedRows) {
    const previous = await trx
      .selectFrom('idempotency_keys')
      .select('response')
      .where('person_id', '=', scope.personId)
      .where('operation', '=', scope.operation)
      .where('key', '=', scope.key)
      .executeTakeFirstOrThrow();
    return previous.response as T;
  }
  const result = await create();
  await trx
    .updateTable('idempotency_keys')
    .set({ response: JSON.stringify(result) })
    .where('person_id', '=', scope.personId)
    .where('operation', '=', scope.operation)
    .where('key', '=', scope.key)
    .execute();
  return result;
}

/** The answer a request with this key got, once it completed; `undefined` for a key not used yet (or in flight). */
async function rememberedResponse<T>(db: Kysely<IdempotencyTables>, scope: IdempotencyScope): Promise<T | undefined> {
  if (!scope.key) return undefined;
  const row = await db
    .selectFrom('idempotency_keys')
    .select('response')
    .where('person_id', '=', scope.personId)
    .where('operation', '=', scope.operation)
    .where('key', '=', scope.key)
    .where('response', 'is not', null)
    .executeTakeFirst();
  return row?.response as T | undefined;
}

/**
 * A creation whose checks ask other services, once per key: a retry answers the first result at
 * once (even if the checks would now refuse it); otherwise `check` runs before any transaction,
 * so no pooled connection waits on another service, and `create` runs in a transaction that
 * claims the key (a concurrent retry waits there and answers the first result).
 */
export async function idempotentCreation<DB extends IdempotencyTables, Checked, T>(
  db: Kysely<DB>,
  scope: IdempotencyScope,
  check: () => Promise<Checked>,
  create: (trx: Transaction<DB>, checked: Checked) => Promise<T>,
): Promise<T> {
  const remembered = await rememberedResponse<T>(db as unknown as Kysely<IdempotencyTables>, scope);
  if (remembered !== undefined) return remembered;
  const checked = await check();
  return db.transaction().execute((trx) => idempotent(trx, scope, () => create(trx, checked)));
}
