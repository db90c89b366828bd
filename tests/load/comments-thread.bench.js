// comments-thread: one proposal with 10,000 comments in threads three deep; 50 concurrent clients
// read its first page and the following ones (25 top-level comments a page, each with its first
// 3 replies and theirs) through the gateway for 20 s, then the same against a bare Node HTTP
// server running the same SQL through `pg`. Targets: ≥ 40 % of the baseline's throughput, p95
// ≤ 2.5 × the baseline's.
const { Pool } = require('pg');
const { randomUUID } = require('node:crypto');
const { call, compareReads, fixed, startBaselineServer, tokenFor } = require('./harness');

const TOP_LEVEL = 2500;
const SECOND = 5000;
const THIRD = 2500;
const COMMENTS = TOP_LEVEL + SECOND + THIRD;
const PAGES = 10;
const AUTHORS = 50;

const sentences = [
  'Le garage solidaire répare à prix coûtant et forme des salariés en insertion.',
  'Il faudrait associer les élus dès le départ, sinon le projet restera marginal.',
  'Dans notre commune, le tiers-lieu a fait revenir des habitants au centre-bourg.',
  'Qui finance l’animation une fois les subventions de lancement épuisées ?',
  'Je suis d’accord, mais pensons aux personnes sans voiture qui vivent dans les hameaux.',
  'L’expérience de la régie de quartier montre que l’emploi local change tout.',
];

/** A comment's text: one to three sentences, the same for the same number. */
const bodyOf = (n) =>
  Array.from({ length: 1 + (n % 3) }, (_, i) => sentences[(n + i * 5) % sentences.length]).join(' ');

/**
 * 10,000 comments straight into the debates schema, in threads: 2,500 top-level comments, 5,000
 * replies under them (more under some than others), 2,500 replies to those; then the counters the
 * service keeps on the rows and the count row, and VACUUM ANALYZE.
 */
async function loadComments(pool, proposalId, processId) {
  const authors = Array.from({ length: AUTHORS }, () => randomUUID());
  await pool.query(
    `insert into debates.authors (person_id, display_name)
      select id, 'Participant ' || n from unnest($1::uuid[]) with ordinality as a(id, n)`,
    [authors],
  );
  const start = Date.now() - COMMENTS * 60_000;
  const rows = [];
  const tops = [];
  const seconds = [];
  for (let n = 0; n < TOP_LEVEL; n++) {
    const id = randomUUID();
    tops.push({ id, at: start + n * 120_000 });
    rows.push({ id, parent: null, root: null, depth: 1, at: tops[n].at, n });
  }
  for (let n = 0; n < SECOND; n++) {
    // Skewed: a few threads draw many replies, most draw few.
    const parent = tops[Math.floor(TOP_LEVEL * Math.pow(((n * 7919) % 10007) / 10007, 2))];
    const id = randomUUID();
    const at = parent.at + 1000 * (1 + (n % 3600));
    seconds.push({ id, root: parent.id, at });
    rows.push({ id, parent: parent.id, root: parent.id, depth: 2, at, n: TOP_LEVEL + n });
  }
  for (let n = 0; n < THIRD; n++) {
    const parent = seconds[(n * 104729) % SECOND];
    rows.push({
      id: randomUUID(),
      parent: parent.id,
      root: parent.root,
      depth: 3,
      at: parent.at + 1000 * (1 + (n % 600)),
      n: TOP_LEVEL + SECOND + n,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await pool.query(
      `insert into debates.comments (id, resource_type, resource_id, process_id, parent_id, root_id, depth, author_id,
          body, locale, alignment, upvotes, downvotes, created_at)
        select id, 'proposal', $1, $2, parent, root, depth, author, body, 'fr', null, up, down, to_timestamp(at / 1000.0)
        from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::int[], $7::uuid[], $8::text[], $9::int[], $10::int[], $11::float8[])
          as t(id, parent, root, depth, author, body, up, down, at)`,
      [
        proposalId,
        processId,
        batch.map((r) => r.id),
        batch.map((r) => r.parent),
        batch.map((r) => r.root),
        batch.map((r) => r.depth),
        batch.map((r) => authors[r.n % AUTHORS]),
        batch.map((r) => bodyOf(r.n)),
        batch.map((r) => (r.n * 31) % 17),
        batch.map((r) => (r.n * 17) % 5),
        batch.map((r) => r.at),
      ],
    );
  }
  await pool.query(`update debates.comments c set replies_count = k.n
    from (select parent_id, count(*)::int as n from debates.comments where parent_id is not null group by parent_id) k
    where c.id = k.parent_id`);
  await pool.query(`update debates.comments c set thread_count = k.n
    from (select root_id, count(*)::int as n from debates.comments where root_id is not null group by root_id) k
    where c.id = k.root_id`);
  await pool.query(
    `update debates.comment_counts set count = $2, threads = $3, version = version + 1,
        last_comment_at = (select max(created_at) from debates.comments where resource_id = $1)
      where resource_type = 'proposal' and resource_id = $1`,
    [proposalId, COMMENTS, TOP_LEVEL],
  );
  await pool.query('vacuum analyze debates.comments');
}

// The statements `debates.comment.list` runs for an anonymous reader of a public process, as the
// service writes them (comment-targets.ts, comment-thread.repository.ts).
const targetSql = `select cc.process_id, cc.threads, cc.resource_hidden_at, pp.snapshot,
    d.closed_at as debate_closed_at, d.starts_at as debate_starts_at, d.ends_at as debate_ends_at
  from comment_counts cc
    left join process_participation pp on pp.process_id = cc.process_id
    left join debates d on cc.resource_type = 'debate' and d.id = cc.resource_id
  where cc.resource_type = $1 and cc.resource_id = $2`;
const replies = (
  tier,
  limit,
) => `select r.*, row_number() over (partition by r.parent_id order by r.created_at, r.id) as ord
    from ${tier} p cross join lateral (
      select * from comments r where r.parent_id = p.id and r.hidden_at is null
      order by r.created_at, r.id limit ${limit}) r`;
const threadSql = `with page as (
    select c.*, row_number() over () as ord from (
      select * from comments c where c.resource_type = $1 and c.resource_id = $2
        and c.parent_id is null and c.hidden_at is null
      order by c.created_at asc, c.id asc limit $3 offset $4) c
  ), second as (${replies('page', '$5')}), third as (${replies('second', '$6')})
  select t.*, a.display_name as author_name, v.value as my_vote
  from (select 1 as tier, * from page union all select 2, * from second union all select 3, * from third) t
    left join authors a on a.person_id = t.author_id
    left join comment_votes v on v.comment_id = t.id and v.person_id = $7::uuid
  order by t.tier, t.ord`;

/** The same JSON as the service: each comment as `toComment` writes it, replies under their parents. */
function toComment(row) {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    parentId: row.parent_id,
    replyToId: row.reply_to_id,
    depth: row.depth,
    authorId: deleted ? null : row.author_id,
    authorName: deleted ? null : (row.author_name ?? ''),
    body: deleted ? null : row.body,
    locale: row.locale,
    alignment: row.alignment,
    upvotes: row.upvotes,
    downvotes: row.downvotes,
    myVote: row.my_vote === 1 ? 'up' : row.my_vote === -1 ? 'down' : null,
    repliesCount: row.replies_count,
    edited: row.edited_at !== null,
    deleted,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

function baselineThread(pool, proposalId) {
  return async (url) => {
    const page = Number(url.searchParams.get('page'));
    const target = (await pool.query(targetSql, ['proposal', proposalId])).rows[0];
    if (!target || target.resource_hidden_at || target.snapshot?.visibility === 'private') throw new Error('not found');
    const { rows } = await pool.query(threadSql, ['proposal', proposalId, 25, (page - 1) * 25, 3, 3, null]);
    const data = [];
    const byId = new Map();
    for (const row of rows) {
      const comment = toComment(row);
      if (row.tier === 1) data.push(comment);
      else byId.get(row.parent_id).replies.push(comment);
      if (row.tier < 3) byId.set(row.id, Object.assign(comment, { replies: [] }));
    }
    return { data, meta: { total: target.threads, page, perPage: 25 } };
  };
}

async function commentsThread(platform, { durationMs = 20_000 } = {}) {
  const admin = await tokenFor(platform.idpUrl, 'admin');
  const created = await call(platform.gatewayUrl, 'POST', '/api/v1/processes', {
    token: admin,
    body: {
      title: { fr: 'Banc d’essai des commentaires' },
      description: { fr: 'Dix mille commentaires.' },
      status: 'published',
    },
  });
  if (created.status !== 201) throw new Error(`Process not created: ${JSON.stringify(created.body)}`);
  const processId = created.body.id;
  const phase = await call(platform.gatewayUrl, 'POST', `/api/v1/processes/${processId}/phases`, {
    token: admin,
    body: { title: { fr: 'Propositions' }, rules: { proposals: { creationEnabled: true } } },
  });
  await call(platform.gatewayUrl, 'POST', `/api/v1/processes/${processId}/phases/${phase.body.id}/activate`, {
    token: admin,
  });
  const proposal = await call(platform.gatewayUrl, 'POST', `/api/v1/processes/${processId}/proposals`, {
    token: admin,
    body: {
      title: 'Un garage solidaire dans chaque bassin de vie',
      body: 'Réparer à prix coûtant, former en insertion.',
    },
  });
  if (proposal.status !== 201) throw new Error(`Proposal not created: ${JSON.stringify(proposal.body)}`);
  const proposalId = proposal.body.id;
  const gatewayPath = (i) => `/api/v1/proposals/${proposalId}/comments?page=${1 + (i % PAGES)}`;
  // The first read makes the debates service learn the proposal (and its process's rules) if its events are not in yet.
  const first = await call(platform.gatewayUrl, 'GET', gatewayPath(0));
  if (first.status !== 200) throw new Error(`Unexpected gateway answer: ${first.status} ${JSON.stringify(first.body)}`);

  const pool = new Pool({
    connectionString: platform.run.databaseUrl,
    max: 10,
    options: '-c search_path=debates,public',
  });
  const baseline = await startBaselineServer(baselineThread(pool, proposalId));
  try {
    const started = performance.now();
    await loadComments(pool, proposalId, processId);
    console.log(`Loaded ${COMMENTS} comments in ${fixed((performance.now() - started) / 1000)} s`);
    const check = await call(platform.gatewayUrl, 'GET', gatewayPath(0));
    const bare = await call(baseline.url, 'GET', '/?page=1');
    if (check.status !== 200 || check.body.meta.total !== TOP_LEVEL || check.body.data.length !== 25) {
      throw new Error(`Unexpected gateway answer: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);
    }
    if (JSON.stringify(bare.body) !== JSON.stringify(check.body)) {
      throw new Error('The baseline does not answer the same page as the gateway.');
    }
    const shown = check.body.data.reduce((n, c) => n + 1 + c.replies.reduce((m, r) => m + 1 + r.replies.length, 0), 0);
    console.log(`First page: ${shown} comments, ${Buffer.byteLength(JSON.stringify(check.body))} bytes of JSON`);
    return await compareReads(
      'comments-thread',
      `comments-thread (50 clients, 20 s each, pages 1–${PAGES} of ${TOP_LEVEL / 25})`,
      { url: platform.gatewayUrl, pathFor: gatewayPath },
      { url: baseline.url, pathFor: (i) => `/?page=${1 + (i % PAGES)}` },
      durationMs,
    );
  } finally {
    await baseline.close();
    await pool.end();
  }
}

module.exports = { commentsThread, COMMENTS };
