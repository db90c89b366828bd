// proposals-export: the open-data CSV of 100,000 proposals through the gateway (chunk after chunk
// over NATS, streamed to the client), against a raw `COPY … TO STDOUT WITH CSV` of the same
// columns. Targets: ≤ 3 × the raw time, the service's memory growing by ≤ 100 MB.
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const { call, cpuMeter, fixed, printTable, rssMb, tokenFor, verdict } = require('./harness');
const { loadProposals, PROPOSALS } = require('./proposals-list.bench');

const COLUMNS = `id, reference, title, body, locale, state, official, theme_id, territory_id, process_id, address,
  latitude, longitude, answer_body, answered_at, answer_cost_cents, answer_cost_report, answer_execution_period,
  supports_count, endorsements_count, comments_count, published_at, withdrawn_at, created_at, updated_at`;

/**
 * Proposals get UUIDv7 ids when written (`create-proposal`): ids follow creation times, so an
 * export by id reads the table in the order it was written. The shared loader's random ids
 * (`gen_random_uuid`) would have it read one random page per row instead; both sides order by
 * id. The id keeps the creation time's milliseconds, then version 7 and random bits.
 */
async function idsInCreationOrder(pool, processId) {
  await pool.query(
    `update proposals.proposals set id = (lpad(to_hex((extract(epoch from created_at) * 1000)::bigint), 12, '0')
        || '7' || substr(md5(id::text), 1, 3) || '8' || substr(md5(id::text), 4, 15))::uuid
      where process_id = $1`,
    [processId],
  );
  await pool.query('vacuum analyze proposals.proposals');
}

/** Reads a stream to its end; answers its bytes and lines. */
async function drain(stream) {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, lines };
}

/** The raw side: psql's COPY of the same rows and columns to its standard output, read to the end. */
async function rawCopy(databaseUrl, processId) {
  const copy = `copy (select ${COLUMNS.replace(/\s+/g, ' ')} from proposals.proposals
    where process_id = '${processId}' and state in ('published', 'withdrawn') and hidden_at is null
    order by id) to stdout with csv header`;
  const started = performance.now();
  const psql = spawn('psql', [databaseUrl, '-X', '-q', '-c', copy.replace(/\s+/g, ' ')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve, reject) => {
    psql.once('error', reject);
    psql.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}`))));
  });
  const read = await drain(psql.stdout);
  await exited;
  return { ...read, seconds: (performance.now() - started) / 1000 };
}

/**
 * The gateway side, sampling the proposals service's and the gateway's memory while it streams,
 * and counting the CPU each process (and Postgres) spends on it; `NATS_PID=$(pgrep -x nats-server)`
 * counts the NATS server's too (shared with whatever else runs on the machine).
 */
async function throughGateway(platform, pool, processId) {
  const pids = { proposals: platform.pidOf('proposals'), gateway: platform.pidOf('gateway') };
  const measured = process.env.NATS_PID ? { ...pids, nats: Number(process.env.NATS_PID) } : pids;
  const before = { proposals: rssMb(pids.proposals), gateway: rssMb(pids.gateway) };
  const cpu = await cpuMeter(pool, measured);
  const clientCpu = process.cpuUsage();
  const peak = { ...before };
  const sampler = setInterval(() => {
    for (const name of ['proposals', 'gateway']) peak[name] = Math.max(peak[name], rssMb(pids[name]));
  }, 50);
  const started = performance.now();
  const response = await fetch(`${platform.gatewayUrl}/api/v1/processes/${processId}/proposals/export.csv`);
  if (response.status !== 200) throw new Error(`Export answered ${response.status}: ${await response.text()}`);
  const read = await drain(response.body);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const { user, system } = process.cpuUsage(clientCpu);
  return {
    ...read,
    seconds,
    cpu: { ...(await cpu.stop()), client: (user + system) / 1e6 },
    growth: { proposals: peak.proposals - before.proposals, gateway: peak.gateway - before.gateway },
  };
}

async function proposalsExport(platform) {
  const admin = await tokenFor(platform.idpUrl, 'admin');
  const created = await call(platform.gatewayUrl, 'POST', '/api/v1/processes', {
    token: admin,
    body: {
      title: { fr: 'Banc d’essai des exports' },
      description: { fr: 'Cent mille propositions.' },
      status: 'published',
    },
  });
  if (created.status !== 201) throw new Error(`Process not created: ${JSON.stringify(created.body)}`);
  const processId = created.body.id;
  const pool = new Pool({ connectionString: platform.run.databaseUrl, max: 2 });
  let raw;
  let gateway;
  try {
    await loadProposals(pool, processId, randomUUID());
    // `BENCH_EXPORT_IDS=random` keeps the loader's ids, to measure the export on them too.
    if (process.env.BENCH_EXPORT_IDS !== 'random') await idsInCreationOrder(pool, processId);
    // Once each to warm up, then measured: raw first, then the gateway.
    await rawCopy(platform.run.databaseUrl, processId);
    await throughGateway(platform, pool, processId);
    raw = await rawCopy(platform.run.databaseUrl, processId);
    gateway = await throughGateway(platform, pool, processId);
  } finally {
    await pool.end();
  }
  const complete = gateway.lines === PROPOSALS + 1 && raw.lines >= PROPOSALS + 1;
  const ratio = gateway.seconds / raw.seconds;
  printTable('proposals-export (100,000 proposals, CSV)', [
    {
      side: 'gateway (export.csv)',
      rows: gateway.lines - 1,
      MB: fixed(gateway.bytes / 1e6),
      seconds: fixed(gateway.seconds, 2),
    },
    {
      side: 'raw COPY … TO STDOUT WITH CSV',
      rows: raw.lines - 1,
      MB: fixed(raw.bytes / 1e6),
      seconds: fixed(raw.seconds, 2),
    },
  ]);
  printTable(
    'proposals-export: CPU seconds spent during the gateway side',
    Object.entries(gateway.cpu).map(([process, cpu]) => ({ process, seconds: fixed(cpu, 2) })),
  );
  printTable('proposals-export targets', [
    { measure: 'time ratio', value: fixed(ratio, 2), target: '≤ 3', verdict: verdict(ratio <= 3) },
    {
      measure: 'proposals service memory growth (MB)',
      value: fixed(gateway.growth.proposals),
      target: '≤ 100',
      verdict: verdict(gateway.growth.proposals <= 100),
    },
    { measure: 'gateway memory growth (MB)', value: fixed(gateway.growth.gateway), target: '(reported)', verdict: '-' },
  ]);
  if (!complete)
    console.error(`Incomplete export: ${gateway.lines - 1} rows through the gateway, ${raw.lines - 1} raw lines`);
  return { ok: complete, errors: complete ? 0 : 1 };
}

module.exports = { proposalsExport };
