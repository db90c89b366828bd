import { fetchPage, likePattern } from '@convergences/database';
import type { BoundingBox, ProposalSort } from '@convergences/contracts';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { ProposalsDatabase, ProposalsTable } from '../db/schema';
import type { ProposalRow } from './proposal.repository';

type Db = Kysely<ProposalsDatabase>;

/**
 * What lists, the map and exports filter on, once the handler has resolved the caller and the
 * territory tree: `territoryIds` is a territory with everything under it (as `processes` named
 * them), `authorId` is "mine", `supporterId` is "supported by me".
 */
export interface ProposalFilters {
  processId?: string;
  q?: string;
  themeId?: string;
  territoryIds?: readonly string[];
  state: 'published' | 'withdrawn';
  authorId?: string;
  supporterId?: string;
}

/** Public rows only: never a draft, never one hidden by moderation, never one of a private process unless asked by process. */
function matching(filters: ProposalFilters) {
  return (eb: ExpressionBuilder<ProposalsDatabase, 'proposals'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb('proposals.state', '=', filters.state),
      eb('proposals.hidden_at', 'is', null),
    ];
    if (filters.processId) conditions.push(eb('proposals.process_id', '=', filters.processId));
    // Across processes, private ones are left out: who is invited is for processes to say, per
    // process (the per-process route asks it first).
    else conditions.push(sql<SqlBool>`proposals.process_id not in (${privateProcesses()})`);
    if (filters.themeId) conditions.push(eb('proposals.theme_id', '=', filters.themeId));
    if (filters.territoryIds) {
      conditions.push(sql<SqlBool>`proposals.territory_id = any(${[...filters.territoryIds]}::uuid[])`);
    }
    if (filters.authorId) conditions.push(eb('proposals.author_id', '=', filters.authorId));
    if (filters.supporterId) {
      conditions.push(sql<SqlBool>`exists (select 1 from supports s
        where s.proposal_id = proposals.id and s.person_id = ${filters.supporterId})`);
    }
    if (filters.q) {
      // Words in either language (the generated, indexed search vector), or a piece of the title
      // (the trigram index), so that "vélo" finds "vélos" and "arcea" finds "arceaux".
      const folded = sql`fold_text(${filters.q})`;
      conditions.push(
        sql<SqlBool>`(proposals.search_vector @@ (websearch_to_tsquery('pg_catalog.french', ${folded})
          || websearch_to_tsquery('pg_catalog.english', ${folded}))
          or fold_text(proposals.title) like fold_text(${likePattern(filters.q)}))`,
      );
    }
    return eb.and(conditions);
  };
}

/**
 * The order of a sort, always ending with `id` so pages never overlap. `random` orders by a hash
 * of the id and the seed: the same seed gives the same order on every page. `supportsHidden`
 * lists the processes whose phase hides counts: there `mostSupported` is `recent` (a public
 * order by hidden counts would tell them).
 */
function orderOf(sort: ProposalSort, seed: string, supportsHidden: boolean | 'some') {
  const counter = (column: 'supports_count' | 'endorsements_count' | 'comments_count') => [
    sql`proposals.${sql.ref(column)} desc`,
    sql`proposals.created_at desc`,
    sql`proposals.id desc`,
  ];
  switch (sort) {
    case 'random':
      return [sql`md5(proposals.id::text || ${seed})`, sql`proposals.id`];
    case 'mostSupported':
      if (supportsHidden === true) return orderOf('recent', seed, supportsHidden);
      if (supportsHidden === 'some') {
        return [
          sql`case when proposals.process_id in (${hidingProcesses()}) then null else proposals.supports_count end desc nulls last`,
          sql`proposals.created_at desc`,
          sql`proposals.id desc`,
        ];
      }
      return counter('supports_count');
    case 'mostEndorsed':
      return counter('endorsements_count');
    case 'mostCommented':
      return counter('comments_count');
    case 'createdAt':
      return [sql`proposals.created_at asc`, sql`proposals.id asc`];
    case 'title':
      return [sql`proposals.title asc`, sql`proposals.id asc`];
    case '-title':
      return [sql`proposals.title desc`, sql`proposals.id desc`];
    case 'recent':
    case '-createdAt':
      return [sql`proposals.created_at desc`, sql`proposals.id desc`];
  }
}

const privateProcesses = () =>
  sql`select process_id from process_participation where snapshot->>'visibility' = 'private'`;

const hidingProcesses = () =>
  sql`select process_id from process_participation
    where (snapshot->'rules'->'proposals'->>'supportsHidden')::boolean`;

export interface ProposalPageRequest {
  sort: ProposalSort;
  seed: string;
  page: number;
  perPage: number;
  /** `true` when the listed process hides counts, `'some'` across processes where any may. */
  supportsHidden: boolean | 'some';
}

/** One page of public proposals matching the filters, with the total. */
export async function list(
  db: Db,
  filters: ProposalFilters,
  request: ProposalPageRequest,
): Promise<{ rows: ProposalRow[]; total: number }> {
  const filtered = db.selectFrom('proposals').where(matching(filters));
  let page = filtered
    .leftJoin('authors', 'authors.person_id', 'proposals.author_id')
    .selectAll('proposals')
    .select('authors.display_name as author_name');
  for (const order of orderOf(request.sort, request.seed, request.supportsHidden)) page = page.orderBy(order);
  return fetchPage(
    page,
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    request,
  );
}

/** Of these processes, those whose active phase hides support counts. */
export async function processesHidingSupports(db: Db, processIds: readonly string[]): Promise<Set<string>> {
  if (processIds.length === 0) return new Set();
  const { rows } = await sql<{ process_id: string }>`select process_id from process_participation
    where process_id = any(${[...new Set(processIds)]}::uuid[])
      and (snapshot->'rules'->'proposals'->>'supportsHidden')::boolean`.execute(db);
  return new Set(rows.map((r) => r.process_id));
}

export interface LocatedProposalRow {
  id: string;
  process_id: string;
  reference: string | null;
  title: string;
  state: 'draft' | 'published' | 'withdrawn';
  supports_count: number;
  theme_id: string | null;
  latitude: number;
  longitude: number;
}

/** Located proposals matching the filters within the box, by id after `after`: just the columns a marker needs. */
export async function locatedChunk(
  db: Db,
  filters: ProposalFilters,
  chunk: { bbox?: BoundingBox; after?: string; limit: number },
): Promise<LocatedProposalRow[]> {
  let located = db.selectFrom('proposals').where(matching(filters)).where('proposals.latitude', 'is not', null);
  if (chunk.bbox) {
    const { minLon, minLat, maxLon, maxLat } = chunk.bbox;
    // The GiST index on the point answers this containment; the box's edges are inside.
    located = located.where(
      sql<SqlBool>`point(proposals.longitude, proposals.latitude) <@ box(point(${minLon}, ${minLat}), point(${maxLon}, ${maxLat}))`,
    );
  }
  if (chunk.after) located = located.where('proposals.id', '>', chunk.after);
  return (await located
    .select([
      'proposals.id',
      'proposals.process_id',
      'proposals.reference',
      'proposals.title',
      'proposals.state',
      'proposals.supports_count',
      'proposals.theme_id',
      'proposals.latitude',
      'proposals.longitude',
    ])
    .orderBy('proposals.id')
    .limit(chunk.limit)
    .execute()) as LocatedProposalRow[];
}

const exportedColumns = [
  'id',
  'process_id',
  'reference',
  'title',
  'body',
  'locale',
  'state',
  'official',
  'theme_id',
  'territory_id',
  'address',
  'latitude',
  'longitude',
  'supports_count',
  'endorsements_count',
  'comments_count',
  'answer_state',
  'answer_body',
  'answer_cost_cents',
  'answer_cost_report',
  'answer_execution_period',
  'answer_published_at',
] as const satisfies readonly (keyof ProposalsTable)[];

/**
 * Times as ISO 8601 text in UTC, formatted by Postgres (100,000 rows parse no dates only to print
 * them again), as the CSV export writes them.
 */
const isoTime = (column: 'answered_at' | 'created_at' | 'updated_at' | 'published_at' | 'withdrawn_at') =>
  sql<string | null>`replace((${sql.ref(column)} at time zone 'UTC')::text, ' ', 'T') || '+00:00'`.as(column);

export type ExportedProposalRow = Pick<Selectable<ProposalsTable>, (typeof exportedColumns)[number]> &
  Record<'answered_at' | 'created_at' | 'updated_at' | 'published_at' | 'withdrawn_at', string | null>;

/** A process's published and withdrawn proposals, by id after `after` (never drafts, never hidden ones). */
export async function exportChunk(
  db: Db,
  processId: string,
  chunk: { after?: string; limit: number },
): Promise<ExportedProposalRow[]> {
  let rows = db
    .selectFrom('proposals')
    .select(exportedColumns)
    .select([
      isoTime('answered_at'),
      isoTime('created_at'),
      isoTime('updated_at'),
      isoTime('published_at'),
      isoTime('withdrawn_at'),
    ])
    .where('process_id', '=', processId)
    .where('state', 'in', ['published', 'withdrawn'])
    .where('hidden_at', 'is', null);
  if (chunk.after) rows = rows.where('id', '>', chunk.after);
  return rows.orderBy('id').limit(chunk.limit).execute();
}
