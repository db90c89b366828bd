import { fetchPage, likePattern } from '@convergences/database';
import type { Process, ProcessListQuery, TranslatedText } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProcessesDatabase, ProcessesTable } from '../db/schema';

export type ProcessRow = Selectable<ProcessesTable>;
type Db = Kysely<ProcessesDatabase>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findByIdOrSlug(db: Db, idOrSlug: string): Promise<ProcessRow | undefined> {
  return db
    .selectFrom('processes')
    .selectAll()
    .where(UUID.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst();
}

export async function lockById(db: Db, id: string): Promise<ProcessRow | undefined> {
  return db.selectFrom('processes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('processes').select('id').where('slug', '=', slug).executeTakeFirst());
}

export interface NewProcess {
  id: string;
  slug: string;
  title: TranslatedText;
  description: TranslatedText;
  status: Process['status'];
  createdBy: string;
}

/** Inserts the process unless its slug is taken (even by a transaction committing meanwhile). */
export async function insertUnlessSlugTaken(db: Db, process: NewProcess): Promise<ProcessRow | undefined> {
  return db
    .insertInto('processes')
    .values({
      id: process.id,
      slug: process.slug,
      title: JSON.stringify(process.title),
      description: JSON.stringify(process.description),
      status: process.status,
      created_by: process.createdBy,
      published_at: process.status === 'published' ? new Date() : null,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function markPublished(db: Db, id: string): Promise<ProcessRow> {
  return db
    .updateTable('processes')
    .set({ status: 'published', published_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addToProposalsCount(db: Db, id: string, delta: number): Promise<void> {
  await db
    .updateTable('processes')
    .set((eb) => ({ proposals_count: eb('proposals_count', '+', delta) }))
    .where('id', '=', id)
    .execute();
}

const orders = {
  recent: [['created_at', 'desc']],
  createdAt: [['created_at', 'asc']],
  '-createdAt': [['created_at', 'desc']],
  title: [[sql`title->>'fr'`, 'asc']],
  '-title': [[sql`title->>'fr'`, 'desc']],
} as const;

/** One page of processes matching the query, with the total. */
export async function list(
  db: Db,
  query: ProcessListQuery,
  includeDrafts: boolean,
): Promise<{ rows: ProcessRow[]; total: number }> {
  let filtered = db.selectFrom('processes');
  if (!includeDrafts) filtered = filtered.where('status', '=', 'published');
  if (query.status) filtered = filtered.where('status', '=', query.status);
  if (query.q) {
    const pattern = likePattern(query.q);
    filtered = filtered.where((eb) =>
      eb.or([
        eb(sql`title->>'fr'`, 'ilike', pattern),
        eb(sql`coalesce(title->>'en', '')`, 'ilike', pattern),
        eb('slug', 'ilike', pattern),
      ]),
    );
  }
  let page = filtered.selectAll();
  for (const [column, direction] of orders[query.sort]) page = page.orderBy(column, direction);
  return fetchPage(
    page.orderBy('id', 'desc'),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export function toProcess(row: ProcessRow): Process {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    status: row.status,
    proposalsCount: row.proposals_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}
