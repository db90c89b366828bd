// @ts-check
/**
 * Makes sure Postgres and NATS answer: uses the ones configured, or starts embedded Postgres and
 * `nats-server` from the PATH where nothing answers.
 */
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const dataDir = path.join(root, '.data');

/** Whether a TCP port answers. */
function answers(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Creates the database of `url` if it is missing. */
async function ensureDatabase(url) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Postgres at `url`, or an embedded one started on its port when nothing answers there.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function ensurePostgres(url, log) {
  const parsed = new URL(url);
  const host = parsed.hostname;
  const port = Number(parsed.port || 5432);
  if (await answers(host, port)) {
    await ensureDatabase(url);
    return { url, stop: async () => undefined };
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new Error(`No Postgres answers at ${host}:${port}. Start it, or unset DATABASE_URL to use an embedded one.`);
  }
  log(`No Postgres at ${host}:${port}: starting embedded Postgres (data in .data/postgres)…`);
  const user = parsed.username || 'postgres';
  const password = decodeURIComponent(parsed.password) || 'postgres';
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'embedded-postgres.mjs'), path.join(dataDir, 'postgres'), String(port), user, password],
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Embedded Postgres exited (${code}) before it was ready`)));
    child.stdout?.on('data', (chunk) => String(chunk).includes('ready') && resolve(undefined));
  });
  const embeddedUrl = new URL(url);
  embeddedUrl.username = user;
  embeddedUrl.password = password;
  await ensureDatabase(embeddedUrl.toString());
  return { url: embeddedUrl.toString(), stop: () => stopChild(child) };
}

/** Stops a child process and waits for it to exit. */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve(undefined));
    child.kill('SIGTERM');
  });
}

/**
 * NATS with JetStream at `url`, or `nats-server -js` started from the PATH when nothing answers.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function ensureNats(url, log) {
  const parsed = new URL(url);
  const host = parsed.hostname;
  const port = Number(parsed.port || 4222);
  if (await answers(host, port)) return { url, stop: async () => undefined };
  const found = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(
      `No NATS answers at ${host}:${port} and nats-server is not installed.\n` +
        'Install it (Debian/Ubuntu: apt-get install nats-server; elsewhere: https://docs.nats.io) or set NATS_URL.',
    );
  }
  log(`No NATS at ${host}:${port}: starting nats-server with JetStream (data in .data/nats)…`);
  fs.mkdirSync(path.join(dataDir, 'nats'), { recursive: true });
  const child = spawn(found.stdout.trim(), ['-js', '-a', host, '-p', String(port), '-sd', path.join(dataDir, 'nats')], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 50 && !(await answers(host, port)); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    url,
    stop: () => stopChild(child),
  };
}

module.exports = { ensurePostgres, ensureNats, answers };
