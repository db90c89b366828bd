// Schema migrations and idempotency keys against a real Postgres, including the races that
// replicas starting together and clients retrying at once produce.
import {
  createDatabase,
  idempotencyKeysMigration,
  idempotent,
  migrateSchema,
  type IdempotencyTables,
  type Migrations,
} from '@convergences/database';
import { createIsolatedRun, type IsolatedRun } from '@convergences/testing';
import { sql, type Kysely, type Migration } from 'kysely';
import { randomUUID } from 'node:crypto';

jest.setTimeout(30_000);

interface LabDatabase extends IdempotencyTables {
  things: { id: string; name: string };
}

describe('migrateSchema', () => {
  let run: IsolatedRun;
  const dbs: Kysely<unknown>[] = [];
  const open = (schema: string) => {
    const db = createDatabase<unknown>({ url: run.databaseUrl, schema, poolSize: 3 });
    dbs.push(db);
    return db;
  };
  const appliedNames = async (db: Kysely<unknown>, schema: string) => {
    const { rows } = await sql<{
      name: string;
    }>`select name from ${sql.table(`${schema}.kysely_migration`)} order by name`.execute(db);
    return rows.map((r) => r.name);
  };
  const advisoryLocksHeld = async (db: Kysely<unknown>) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
      where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`.execute(
      db,
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    run = await createIsolatedRun('migrate');
  });

  afterAll(async () => {
    for (const db of dbs) await db.destroy();
    await run?.dispose();
  });

  it('applies each migration once when two replicas migrate the same schema together', async () => {
    const calls: Record<string, number> = {};
    const counted = (name: string, up: (db: Kysely<unknown>) => Promise<void>): Migration => ({
      async up(db) {
        calls[name] = (calls[name] ?? 0) + 1;
        await up(db);
      },
    });
    const migrations: Migrations = {
      '0001-create-things': counted('0001-create-things', async (db) => {
        await sql`select pg_sleep(0.2)`.execute(db);
        await db.schema
          .createTable('things')
          .addColumn('id', 'uuid', (c) => c.primaryKey())
          .addColumn('name', 'text')
          .execute();
      }),
      '0002-index-things': counted('0002-index-things', async (db) => {
        await db.schema.createIndex('things_name_idx').on('things').column('name').execute();
      }),
    };
    const [first, second] = [open('twins'), open('twins')];

    const reports = await Promise.all([
      migrateSchema(first, 'twins', migrations),
      migrateSchema(second, 'twins', migrations),
    ]);

    expect(calls).toEqual({ '0001-create-things': 1, '0002-index-things': 1 });
    expect(reports.flatMap((r) => r.applied).sort()).toEqual(['0001-create-things', '0002-index-things']);
    expect(await appliedNames(first, 'twins')).toEqual(['0001-create-things', '0002-index-things']);
    expect(await advisoryLocksHeld(first)).toBe(0);

    // A later start applies only what is new.
    const later = await migrateSchema(second, 'twins', {
      ...migrations,
      '0003-add-colour': counted('0003-add-colour', async (db) => {
        await db.schema.alterTable('things').addColumn('colour', 'text').execute();
      }),
    });
    expect(later.applied).toEqual(['0003-add-colour']);
    expect(calls).toEqual({ '0001-create-things': 1, '0002-index-things': 1, '0003-add-colour': 1 });
    expect(await appliedNames(first, 'twins')).toHaveLength(3);
  });

  it('keeps schemas apart: the tables land in the schema being migrated', async () => {
    const db = open('apart');
    await migrateSchema(db, 'apart', {
      '0001-create-things': { up: (d) => d.schema.createTable('things').addColumn('id', 'uuid').execute() },
    });
    const { rows } = await sql<{ schema: string }>`select table_schema as schema from information_schema.tables
      where table_name = 'things' order by table_schema`.execute(db);
    expect(rows.map((r) => r.schema)).toContain('apart');
    expect(rows.map((r) => r.schema)).not.toContain('public');
  });

  it('reports the name of a failing migration and releases its lock', async () => {
    const broken: Migrations = {
      '0001-create-places': { up: (db) => db.schema.createTable('places').addColumn('id', 'uuid').execute() },
      '0002-broken-index': {
        up: (db) => db.schema.createIndex('places_nope_idx').on('places').column('nope').execute(),
      },
    };
    const db = open('broken');
    const failure = await migrateSchema(db, 'broken', broken).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.message).toMatch(/Migration 0002-broken-index of schema broken failed/);
    expect(failure!.message).toMatch(/nope/);
    expect(String((failure!.cause as Error).message)).toMatch(/nope/);

    // The lock is free: another pool migrates the fixed set at once.
    const other = open('broken');
    expect(await advisoryLocksHeld(other)).toBe(0);
    const fixed = await migrateSchema(other, 'broken', {
      ...broken,
      '0002-broken-index': { up: (d) => d.schema.createIndex('places_id_idx').on('places').column('id').execute() },
    });
    expect(fixed.applied).toContain('0002-broken-index');
    expect(await appliedNames(other, 'broken')).toEqual(['0001-create-places', '0002-broken-index']);
  });
});

describe('idempotent', () => {
  let run: IsolatedRun;
  let db: Kysely<LabDatabase>;
  const alice = randomUUID();
  const bob = randomUUID();
  const operation = 'lab.thing.create';

  /** Creates a thing inside its own transaction, once per key. */
  const createThing = (personId: string, key: string | undefined, name: string, onRun: () => void, pause = 0) =>
    db.transaction().execute((trx) =>
      idempotent(trx, { personId, operation, key }, async () => {
        onRun();
        if (pause) await sql`select pg_sleep(${pause})`.execute(trx);
        const id = randomUUID();
        await trx.insertInto('things').values({ id, name }).execute();
        return { id, name, at: new Date().toISOString() };
      }),
    );
  const thingsNamed = async (name: string) =>
    (await db.selectFrom('things').select('id').where('name', '=', name).execute()).length;

  beforeAll(async () => {
    run = await createIsolatedRun('idempotent');
    db = createDatabase<LabDatabase>({ url: run.databaseUrl, schema: 'lab', poolSize: 25 });
    await migrateSchema(db as unknown as Kysely<unknown>, 'lab', {
      '0001-idempotency-keys': idempotencyKeysMigration,
      '0002-things': {
        up: (d) =>
          d.schema
            .createTable('things')
            .addColumn('id', 'uuid', (c) => c.primaryKey())
            .addColumn('name', 'text')
            .execute(),
      },
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await run?.dispose();
  });

  it('answers a retry with the first result and creates once', async () => {
    let runs = 0;
    const first = await createThing(alice, 'k-1', 'lantern', () => runs++);
    const retry = await createThing(alice, 'k-1', 'lantern', () => runs++);
    expect(retry).toEqual(first);
    expect(runs).toBe(1);
    expect(await thingsNamed('lantern')).toBe(1);
  });

  it('keeps keys apart per person and runs every time without a key', async () => {
    let runs = 0;
    const mine = await createThing(alice, 'k-2', 'kettle', () => runs++);
    const theirs = await createThing(bob, 'k-2', 'kettle', () => runs++);
    expect(theirs.id).not.toBe(mine.id);
    await createThing(alice, undefined, 'kettle', () => runs++);
    await createThing(alice, undefined, 'kettle', () => runs++);
    expect(runs).toBe(4);
    expect(await thingsNamed('kettle')).toBe(4);
  });

  it('creates once when two requests with the same key race, each in its own transaction', async () => {
    let runs = 0;
    const [a, b] = await Promise.all([
      createThing(alice, 'k-race', 'ladder', () => runs++, 0.2),
      createThing(alice, 'k-race', 'ladder', () => runs++, 0.2),
    ]);
    expect(a).toEqual(b);
    expect(runs).toBe(1);
    expect(await thingsNamed('ladder')).toBe(1);
  });

  it('creates once among 20 concurrent retries', async () => {
    let runs = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => createThing(bob, 'k-many', 'lamp', () => runs++, 0.05)),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(runs).toBe(1);
    expect(await thingsNamed('lamp')).toBe(1);
  });

  it('forgets the key when the creation fails, so a retry can succeed', async () => {
    await expect(
      db.transaction().execute((trx) =>
        idempotent(trx, { personId: alice, operation, key: 'k-fail' }, async () => {
          await trx.insertInto('things').values({ id: randomUUID(), name: 'mirror' }).execute();
          throw new Error('creation failed');
        }),
      ),
    ).rejects.toThrow('creation failed');
    expect(await thingsNamed('mirror')).toBe(0);
    let runs = 0;
    const retried = await createThing(alice, 'k-fail', 'mirror', () => runs++);
    expect(runs).toBe(1);
    expect(retried.name).toBe('mirror');
    expect(await thingsNamed('mirror')).toBe(1);
  });
});
