// What every benchmark shares: its own platform (own database, subjects and stream, as the e2e
// tests have), a bounded HTTP load loop on loopback, latency percentiles, and the table of both
// sides with their ratio. Plain Node (CommonJS) so that `npm run bench` needs no TypeScript runner:
// it runs against the builds (`npm run build` first, which `npm run bench` does).
const http = require('node:http');
const net = require('node:net');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createIsolatedRun } = require('@convergences/testing');
const { startPlatform } = require('../../scripts/platform.js');

const repoRoot = path.resolve(__dirname, '../..');

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The whole platform from the builds, in its own database, with the given extra realm users
 * (so that benchmarks sign real people in) and no rate limit in the way of the load.
 */
async function startBenchPlatform(label, { users = [] } = {}) {
  const run = await createIsolatedRun(`bench-${label}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `convergences-bench-${label}-`));
  const realm = JSON.parse(fs.readFileSync(path.join(repoRoot, 'infra/keycloak/convergences-realm.json'), 'utf8'));
  realm.users = [...(realm.users ?? []), ...users];
  const realmFile = path.join(scratch, 'realm.json');
  fs.writeFileSync(realmFile, JSON.stringify(realm));
  const logFile = path.join(scratch, 'platform.log');
  const log = fs.createWriteStream(logFile);
  const env = {
    ...run.env,
    REQUEST_TIMEOUT_MS: '10000',
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_USER: '100000000',
  };
  let platform;
  try {
    platform = await startPlatform({
      env,
      gatewayPort: await freePort(),
      idpPort: await freePort(),
      idpDataDir: path.join(scratch, 'idp'),
      idpRealmFile: realmFile,
      loadDemo: false,
      nodeArgs: cpuProfiles(label),
      onOutput: (name, line) => log.write(`[${name}] ${line}\n`),
    });
  } catch (error) {
    await run.dispose();
    throw new Error(`${error.message}\nPlatform output: ${logFile}`);
  }
  const pidOf = (name) => platform.processes.find((p) => p.name === name)?.child.pid;
  return {
    run,
    gatewayUrl: platform.gatewayUrl,
    idpUrl: platform.idpUrl,
    logFile,
    pidOf,
    processNames: platform.processes.map((p) => p.name),
    /** Stops everything and drops the run; `keepLog` leaves the platform's output for a look. */
    async stop({ keepLog = false } = {}) {
      await platform.stop();
      log.end();
      await run.dispose();
      if (!keepLog) fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * `BENCH_CPU_PROF=proposals,gateway npm run bench -- supports-surge` writes a CPU profile of each
 * process named (open them in Chrome's DevTools or speedscope) under `tmp/profiles/<benchmark>/<process>/`,
 * to find where the time goes.
 */
function cpuProfiles(label) {
  const names = (process.env.BENCH_CPU_PROF ?? '').split(',').filter(Boolean);
  return Object.fromEntries(
    names.map((name) => [
      name,
      ['--cpu-prof', `--cpu-prof-dir=${path.join(repoRoot, 'tmp', 'profiles', label, name)}`],
    ]),
  );
}

/** A bench participant the identity provider knows, with the password as its username. */
function benchUser(i) {
  const username = `bench-${String(i).padStart(5, '0')}`;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    username,
    email: `${username}@bench.convergences.test`,
    emailVerified: true,
    firstName: 'Participant',
    lastName: `Bench ${i}`,
    enabled: true,
    attributes: { locale: ['fr'] },
    credentials: [{ type: 'password', value: username, temporary: false }],
    requiredActions: [],
    realmRoles: ['participant', 'default-roles-convergences'],
  };
}

/** A real access token from the platform's identity provider (password grant on the CLI client). */
async function tokenFor(idpUrl, username, password = username) {
  const response = await fetch(`${idpUrl}/realms/convergences/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'convergences-cli', username, password }),
  });
  if (!response.ok) throw new Error(`No token for ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Calls the gateway with JSON and answers `{ status, body }`. */
async function call(baseUrl, method, pathname, { token, body, headers = {} } = {}) {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed };
}

/** Runs `tasks` with at most `limit` at once. */
async function inParallel(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    }),
  );
  return results;
}

/** The q-th quantile of sorted numbers. */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * `connections` clients, each sending its next GET as soon as the last answered, for
 * `durationMs` (and at most `maxRequests` in all), on keep-alive connections. Answers the
 * throughput and latency percentiles, and counts non-2xx answers as errors.
 */
async function loadGet(baseUrl, pathFor, { connections = 50, durationMs = 20_000, maxRequests = 1_000_000 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(baseUrl);
  const latencies = [];
  let errors = 0;
  let sent = 0;
  const get = (pathname) =>
    new Promise((resolve) => {
      const request = http.get(
        { host: url.hostname, port: url.port, path: pathname, agent, headers: { accept: 'application/json' } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode));
        },
      );
      request.on('error', () => resolve(0));
    });
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && sent < maxRequests) {
        const i = sent++;
        const t0 = performance.now();
        const status = await get(pathFor(i));
        latencies.push(performance.now() - t0);
        if (status < 200 || status >= 300) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
  };
}

/** A bare HTTP server on loopback answering with `handler(url)`'s JSON: the baseline side. */
async function startBaselineServer(handler) {
  const server = http.createServer(async (request, response) => {
    try {
      const answer = await handler(new URL(request.url, 'http://localhost'), response);
      if (answer === undefined) return;
      const body = JSON.stringify(answer);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Resident memory of a process in MB (Linux `/proc`). */
function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/**
 * The read benchmarks' comparison: warms both sides up (JIT, plans, caches), loads each for
 * `durationMs` with the same loop, prints both sides and the verdicts on the targets (≥ 40 % of
 * the baseline's throughput, p95 ≤ 2.5 × the baseline's), and answers `{ ok, errors }`.
 */
async function compareReads(name, title, gatewaySide, baselineSide, durationMs = 20_000) {
  await loadGet(gatewaySide.url, gatewaySide.pathFor, { durationMs: 2000 });
  await loadGet(baselineSide.url, baselineSide.pathFor, { durationMs: 2000 });
  const gateway = await loadGet(gatewaySide.url, gatewaySide.pathFor, { durationMs });
  const bare = await loadGet(baselineSide.url, baselineSide.pathFor, { durationMs });
  const throughput = gateway.rps / bare.rps;
  const p95 = gateway.p95 / bare.p95;
  const row = (side, r) => ({
    side,
    requests: r.requests,
    errors: r.errors,
    'req/s': fixed(r.rps),
    'p50 ms': fixed(r.p50),
    'p95 ms': fixed(r.p95),
    'p99 ms': fixed(r.p99),
  });
  printTable(title, [row('gateway', gateway), row('baseline (node http + pg)', bare)]);
  printTable(`${name} targets`, [
    { measure: 'throughput ratio', value: fixed(throughput, 2), target: '≥ 0.40', verdict: verdict(throughput >= 0.4) },
    { measure: 'p95 ratio', value: fixed(p95, 2), target: '≤ 2.5', verdict: verdict(p95 <= 2.5) },
  ]);
  const errors = gateway.errors + bare.errors;
  return { ok: errors === 0, errors };
}

/** CPU time (user + system) a process has used, in seconds (Linux `/proc`; clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // gone
  }
}

/**
 * Starts counting the CPU that each named process and the database's server processes spend;
 * `stop()` answers seconds per name (`postgres`: every backend connected to the database at the
 * start or at the end). On two shared cores, CPU per operation says more than throughput alone.
 */
async function cpuMeter(pool, pids) {
  const backends = async () =>
    (
      await pool.query(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid);
  const start = new Map(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const pgStart = new Map((await backends()).map((pid) => [pid, cpuSeconds(pid)]));
  return {
    async stop() {
      const used = Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid) - start.get(name)]),
      );
      const pgPids = new Set([...pgStart.keys(), ...(await backends())]);
      // A backend gone by now (a pooled connection closed) is not counted: an undercount.
      used.postgres = [...pgPids].reduce((sum, pid) => {
        const now = cpuSeconds(pid);
        return now === 0 ? sum : sum + now - (pgStart.get(pid) ?? 0);
      }, 0);
      return used;
    },
  };
}

/** Prints rows as an aligned table. */
function printTable(title, rows) {
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((c) => String(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
}

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** A verdict on a target: reported, never a failure of the run. */
const verdict = (met) => (met ? 'met' : 'MISSED');

module.exports = {
  benchUser,
  call,
  compareReads,
  cpuMeter,
  fixed,
  freePort,
  inParallel,
  loadGet,
  printTable,
  rssMb,
  startBaselineServer,
  startBenchPlatform,
  tokenFor,
  verdict,
};
