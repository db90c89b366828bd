// proposals-list: 100,000 published proposals in one process; 50 concurrent clients page a
// filtered, sorted list (one theme, most supported first, 25 a page with the total) through the
// gateway for 20 s, then the same against a bare Node HTTP server running the same SQL through
// `pg`. Targets: ≥ 40 % of the baseline's throughput, p95 ≤ 2.5 × the baseline's.
const { Pool } = require('pg');
const { randomUUID } = require('node:crypto');
const { call, compareReads, fixed, startBaselineServer, tokenFor } = require('./harness');

const PROPOSALS = 100_000;
const THEMES = Array.from({ length: 10 }, () => randomUUID());
const PAGES = 20;

/** The platform's proposals service gets 100,000 proposals straight into its table, then VACUUM ANALYZE. */
async function loadProposals(pool, processId, authorId) {
  await pool.query(`insert into proposals.authors (person_id, display_name) values ($1, 'Auteur de charge')`, [
    authorId,
  ]);
  await pool.query(
    `insert into proposals.proposals (id, process_id, reference, title, body, locale, author_id, state, theme_id,
        supports_count, endorsements_count, comments_count, latitude, longitude, created_at, updated_at, published_at)
      select gen_random_uuid(), $1, 'PROP-2026-' || lpad(n::text, 6, '0'),
        'Proposition de charge numéro ' || n, 'Le détail de la proposition numéro ' || n || ', pour le quartier.',
        'fr', $2, 'published', ($3::uuid[])[1 + n % 10], (n * 7919) % 500, n % 37, n % 11,
        43.5 + (n % 1000) / 5000.0, 1.3 + (n / 1000) / 500.0,
        now() - n * interval '1 minute', now(), now() - n * interval '1 minute'
      from generate_series(1, ${PROPOSALS}) n`,
    [processId, authorId, THEMES],
  );
  await pool.query('vacuum analyze proposals.proposals');
}

/** The same SQL as the service's list: the rules snapshot, one page and the total. */
function baselineList(pool, processId) {
  const where = `where proposals.state = 'published' and proposals.hidden_at is null
    and proposals.process_id = $1 and proposals.theme_id = $2`;
  return async (url) => {
    const themeId = url.searchParams.get('themeId');
    const page = Number(url.searchParams.get('page'));
    const [snapshot, rows, total] = await Promise.all([
      pool.query('select snapshot from proposals.process_participation where process_id = $1', [processId]),
      pool.query(
        `select proposals.*, authors.display_name as author_name from proposals.proposals
          left join proposals.authors on authors.person_id = proposals.author_id ${where}
          order by proposals.supports_count desc, proposals.created_at desc, proposals.id desc
          limit 25 offset $3`,
        [processId, themeId, (page - 1) * 25],
      ),
      pool.query(`select count(*)::int as total from proposals.proposals ${where}`, [processId, themeId]),
    ]);
    const hidden = snapshot.rows[0]?.snapshot?.rules?.proposals?.supportsHidden ?? false;
    return {
      data: rows.rows.map((row) => ({
        id: row.id,
        processId: row.process_id,
        reference: row.reference,
        title: row.title,
        body: row.body,
        locale: row.locale,
        authorId: row.author_id,
        authorName: row.author_name ?? '',
        official: row.official,
        state: row.state,
        themeId: row.theme_id,
        territoryId: row.territory_id,
        address: row.address,
        latitude: row.latitude,
        longitude: row.longitude,
        supportsCount: hidden ? null : row.supports_count,
        endorsementsCount: row.endorsements_count,
        commentsCount: row.comments_count,
        answer: null,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        publishedAt: row.published_at?.toISOString() ?? null,
        withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
      })),
      meta: { total: total.rows[0].total, page, perPage: 25 },
    };
  };
}

async function proposalsList(platform, { durationMs = 20_000 } = {}) {
  const admin = await tokenFor(platform.idpUrl, 'admin');
  const created = await call(platform.gatewayUrl, 'POST', '/api/v1/processes', {
    token: admin,
    body: {
      title: { fr: 'Banc d’essai des listes' },
      description: { fr: 'Cent mille propositions.' },
      status: 'published',
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
  const baseline = await startBaselineServer(baselineList(pool, processId));
  try {
    const started = performance.now();
    await loadProposals(pool, processId, randomUUID());
    console.log(`Loaded ${PROPOSALS} proposals in ${fixed((performance.now() - started) / 1000)} s`);
    const query = (i) => `themeId=${THEMES[i % THEMES.length]}&sort=mostSupported&perPage=25&page=${1 + (i % PAGES)}`;
    const gatewayPath = (i) => `/api/v1/proposals?processId=${processId}&${query(i)}`;
    const check = await call(platform.gatewayUrl, 'GET', gatewayPath(0));
    const bare = await call(baseline.url, 'GET', `/?${query(0)}`);
    if (check.status !== 200 || check.body.meta.total !== PROPOSALS / THEMES.length) {
      throw new Error(`Unexpected gateway answer: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);
    }
    if (JSON.stringify(bare.body.data.map((p) => p.id)) !== JSON.stringify(check.body.data.map((p) => p.id))) {
      throw new Error('The baseline does not answer the same page as the gateway.');
    }
    return await compareReads(
      'proposals-list',
      'proposals-list (50 clients, 20 s each, 25 a page with the total)',
      { url: platform.gatewayUrl, pathFor: gatewayPath },
      { url: baseline.url, pathFor: (i) => `/?${query(i)}` },
      durationMs,
    );
  } finally {
    await baseline.close();
    await pool.end();
  }
}

module.exports = { proposalsList, loadProposals, PROPOSALS };
