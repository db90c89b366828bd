import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdent } from './create-database';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates a database of its own for one test run, next to the one `baseUrl` points at. */
export async function createTestDatabase(baseUrl: string, label = 'test'): Promise<TestDatabase> {
  const name = `cvg_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = adminUrl(baseUrl);
  await withClient(admin, (client) => client.query(`create database ${quoteIdent(name)}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withClient(admin, (client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`)).then(
        () => undefined,
      ),
  };
}

/** Creates the database `url` names if it does not exist yet. */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  return withClient(adminUrl(url), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database ${quoteIdent(name)}`);
    return true;
  });
}

function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
