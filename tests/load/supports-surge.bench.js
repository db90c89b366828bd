// supports-surge: 2,000 participants with real tokens support proposals concurrently until their
// quota is spent (and some proposals reach their threshold); baseline: the same transaction
// (support within quota, counter, outbox row) straight on `pg`. Target: ≥ 40 % of the baseline's
// supports/s; afterwards every invariant is checked in the database.
const { Pool } = require('pg');
const { randomUUID } = require('node:crypto');
const { benchUser, call, cpuMeter, fixed, inParallel, printTable, tokenFor, verdict } = require('./harness');

const PARTICIPANTS = 2000;
const PROPOSALS = 200;
const QUOTA = 3;
const THRESHOLD = 40;
/** Each participant tries one proposal more than the quota: the last one must be refused. */
const ATTEMPTS = QUOTA + 1;
const CLIENTS = 50;

const users = Array.from({ length: PARTICIPANTS }, (_, i) => benchUser(i + 1));

/** Who tries which proposals, in which order: the same plan for both sides. */
function planOf(proposalIds) {
  let state = 42;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return users.map((user) => {
    const picked = new Set();
    while (picked.size < ATTEMPTS) picked.add(proposalIds[Math.floor(random() * proposalIds.length)]);
    return { username: user.username, proposals: [...picked] };
  });
}

/** Runs the plan with `CLIENTS` requests in flight, the attempts of each person one after another. */
async function runPlan(plan, attempt) {
  const started = performance.now();
  const outcomes = await inParallel(plan, CLIENTS, async (person) => {
    const results = [];
    for (const proposalId of person.proposals) results.push({ proposalId, ...(await attempt(person, proposalId)) });
    return results;
  });
  const seconds = (performance.now() - started) / 1000;
  const flat = outcomes.flat();
  const given = flat.filter((o) => o.outcome === 'given');
  const refused = flat.filter((o) => o.outcome === 'refused');
  const errors = flat.filter((o) => o.outcome === 'error');
  return { seconds, given, refused, errors, rate: given.length / seconds };
}

async function gatewaySide(platform, pool, plan) {
  const tokens = new Map();
  await inParallel(users, 20, async (user) =>
    tokens.set(user.username, await tokenFor(platform.idpUrl, user.username)),
  );
  // Each person is known to the platform before the surge (their first request creates them).
  await inParallel(users, 20, async (user) => {
    const me = await call(platform.gatewayUrl, 'GET', '/api/v1/me', { token: tokens.get(user.username) });
    if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}`);
  });
  const meter = await cpuMeter(
    pool,
    Object.fromEntries(platform.processNames.map((name) => [name, platform.pidOf(name)])),
  );
  const result = await runPlan(plan, async (person, proposalId) => {
    const answer = await call(platform.gatewayUrl, 'POST', `/api/v1/proposals/${proposalId}/supports`, {
      token: tokens.get(person.username),
      headers: { 'idempotency-key': `${person.username}-${proposalId}` },
    });
    if (answer.status === 201 || answer.status === 200) return { outcome: 'given', personId: answer.body.personId };
    if (answer.status === 422 || answer.status === 409) return { outcome: 'refused', code: answer.body?.code };
    return { outcome: 'error', status: answer.status, code: answer.body?.code };
  });
  return { ...result, cpu: await meter.stop() };
}

/** The bare side: its own tables in a schema of the same database, and the same transaction. */
async function baselineSide(pool, plan, proposalIds) {
  await pool.query(`create schema bench_baseline;
    create table bench_baseline.proposals (id uuid primary key, supports_count int not null default 0
      check (supports_count >= 0));
    create table bench_baseline.support_tallies (process_id uuid, person_id text, given int not null default 0,
      primary key (process_id, person_id));
    create table bench_baseline.supports (id uuid primary key, proposal_id uuid not null references bench_baseline.proposals,
      process_id uuid not null, person_id text not null, counted boolean not null, created_at timestamptz default now(),
      unique (proposal_id, person_id));
    create table bench_baseline.outbox (id uuid primary key, type text not null, envelope jsonb not null,
      created_at timestamptz default now(), sent_at timestamptz)`);
  await pool.query('insert into bench_baseline.proposals (id) select unnest($1::uuid[])', [proposalIds]);
  const processId = randomUUID();
  const meter = await cpuMeter(pool, { 'bench (pg client)': process.pid });
  const result = await runPlan(plan, async (person, proposalId) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into bench_baseline.support_tallies (process_id, person_id) values ($1, $2) on conflict do nothing`,
        [processId, person.username],
      );
      const tally = await client.query(
        `update bench_baseline.support_tallies set given = given + 1
          where process_id = $1 and person_id = $2 and given < $3 returning given`,
        [processId, person.username, QUOTA],
      );
      if (tally.rowCount === 0) return await refuse(client);
      const id = randomUUID();
      await client.query(
        `insert into bench_baseline.supports (id, proposal_id, process_id, person_id, counted) values ($1, $2, $3, $4, true)`,
        [id, proposalId, processId, person.username],
      );
      const counted = await client.query(
        `update bench_baseline.proposals set supports_count = supports_count + 1 where id = $1 and supports_count < $2
          returning supports_count`,
        [proposalId, THRESHOLD],
      );
      if (counted.rowCount === 0) return await refuse(client);
      const event = { supportId: id, proposalId, processId, personId: person.username };
      await client.query(
        `insert into bench_baseline.outbox (id, type, envelope) values ($1, 'proposals.support.given', $2)`,
        [randomUUID(), JSON.stringify({ type: 'proposals.support.given', data: event })],
      );
      await client.query('commit');
      return { outcome: 'given', personId: person.username };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      return { outcome: 'error', message: error.message };
    } finally {
      client.release();
    }
  });
  return { ...result, cpu: await meter.stop() };
}

async function refuse(client) {
  await client.query('rollback');
  return { outcome: 'refused' };
}

/** Every invariant of the surge, read back from the proposals service's tables. */
async function invariants(pool, processId, given) {
  const q = async (text, values = []) => (await pool.query(text, values)).rows;
  const overQuota = await q(
    `select person_id, count(*)::int as n from proposals.supports where process_id = $1
      group by person_id having count(*) > $2`,
    [processId, QUOTA],
  );
  const overThreshold = await q(`select id from proposals.proposals where process_id = $1 and supports_count > $2`, [
    processId,
    THRESHOLD,
  ]);
  const counterDrift = await q(
    `select p.id from proposals.proposals p
      left join proposals.supports s on s.proposal_id = p.id and s.counted
      where p.process_id = $1 group by p.id having p.supports_count <> count(s.id)`,
    [processId],
  );
  const rows = await q(`select proposal_id, person_id from proposals.supports where process_id = $1`, [processId]);
  const present = new Set(rows.map((r) => `${r.proposal_id}/${r.person_id}`));
  const missing = given.filter((g) => !present.has(`${g.proposalId}/${g.personId}`));
  const [events] = await q(
    `select count(*)::int as n from proposals.outbox where type = 'proposals.support.given'
      and envelope->'data'->>'processId' = $1`,
    [processId],
  );
  return [
    { invariant: 'no person over the quota', violations: overQuota.length },
    { invariant: 'no proposal over the threshold', violations: overThreshold.length },
    { invariant: 'supports_count = counted supports', violations: counterDrift.length },
    { invariant: 'every 2xx support present', violations: missing.length },
    { invariant: 'supports rows = 2xx answers', violations: Math.abs(rows.length - given.length) },
    { invariant: 'one outbox event per support', violations: Math.abs(events.n - rows.length) },
  ];
}

async function supportsSurge(platform) {
  const admin = await tokenFor(platform.idpUrl, 'admin');
  const created = await call(platform.gatewayUrl, 'POST', '/api/v1/processes', {
    token: admin,
    body: {
      title: { fr: 'Banc d’essai des soutiens' },
      description: { fr: 'Deux mille participants.' },
      status: 'published',
      settings: { supportQuota: QUOTA, supportThreshold: THRESHOLD, supportsBeyondThreshold: false },
    },
  });
  if (created.status !== 201) throw new Error(`Process not created: ${JSON.stringify(created.body)}`);
  const processId = created.body.id;
  const phase = await call(platform.gatewayUrl, 'POST', `/api/v1/processes/${processId}/phases`, {
    token: admin,
    body: { title: { fr: 'Soutiens' }, rules: { proposals: { supportsEnabled: true } } },
  });
  await call(platform.gatewayUrl, 'POST', `/api/v1/processes/${processId}/phases/${phase.body.id}/activate`, {
    token: admin,
  });
  const pool = new Pool({ connectionString: platform.run.databaseUrl, max: 10 });
  try {
    const { rows } = await pool.query(
      `insert into proposals.proposals (id, process_id, reference, title, body, locale, author_id, state, published_at)
        select gen_random_uuid(), $1, 'PROP-2026-' || lpad(n::text, 6, '0'), 'Proposition à soutenir numéro ' || n,
          'Le détail.', 'fr', $2, 'published', now()
        from generate_series(1, ${PROPOSALS}) n returning id`,
      [processId, randomUUID()],
    );
    await pool.query('vacuum analyze proposals.proposals');
    const proposalIds = rows.map((r) => r.id);
    const plan = planOf(proposalIds);
    const gateway = await gatewaySide(platform, pool, plan);
    const bare = await baselineSide(pool, plan, proposalIds);
    const ratio = gateway.rate / bare.rate;
    const side = (name, r) => ({
      side: name,
      attempts: r.given.length + r.refused.length + r.errors.length,
      given: r.given.length,
      refused: r.refused.length,
      errors: r.errors.length,
      seconds: fixed(r.seconds, 2),
      'supports/s': fixed(r.rate),
    });
    printTable(
      `supports-surge (${PARTICIPANTS} participants, quota ${QUOTA}, threshold ${THRESHOLD}, ${CLIENTS} in flight)`,
      [side('gateway', gateway), side('baseline (pg transaction)', bare)],
    );
    printTable('supports-surge CPU per attempt, by process (ms; the bench process also drives the HTTP load)', [
      ...cpuRows('gateway', gateway),
      ...cpuRows('baseline', bare),
    ]);
    const checks = await invariants(pool, processId, gateway.given);
    printTable('supports-surge invariants (gateway side, in the database)', checks);
    printTable('supports-surge targets', [
      { measure: 'supports/s ratio', value: fixed(ratio, 2), target: '≥ 0.40', verdict: verdict(ratio >= 0.4) },
    ]);
    if (gateway.errors.length) console.error('First errors:', JSON.stringify(gateway.errors.slice(0, 5)));
    const violations = checks.reduce((n, c) => n + c.violations, 0);
    return { ok: violations === 0 && gateway.errors.length === 0, errors: violations + gateway.errors.length };
  } finally {
    await pool.end();
  }
}

function cpuRows(side, result) {
  const attempts = result.given.length + result.refused.length + result.errors.length;
  const entries = Object.entries(result.cpu).filter(([, seconds]) => seconds > 0);
  const total = entries.reduce((sum, [, seconds]) => sum + seconds, 0);
  return [...entries, ['all', total]].map(([name, seconds]) => ({
    side,
    process: name,
    'CPU s': fixed(seconds, 2),
    'ms per attempt': fixed((seconds * 1000) / attempts, 2),
  }));
}

module.exports = { supportsSurge, users };
