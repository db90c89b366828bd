import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { ProposalsDatabase, ProposalsTable } from '../db/schema';

type Db = Kysely<ProposalsDatabase>;

/** The proposal, locked until the transaction ends. */
export async function lockById(db: Db, id: string): Promise<Selectable<ProposalsTable> | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Serialises publications by one person in one process until the transaction ends, so that
 * counting their proposals and publishing one more cannot interleave with another publication.
 */
export async function lockPublicationsOf(db: Db, processId: string, authorId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`proposals.publish:${processId}:${authorId}`}, 0))`.execute(
    db,
  );
}

/** Proposals the person has published in the process and not withdrawn. */
export async function publishedCountOf(db: Db, processId: string, authorId: string): Promise<number> {
  const row = await db
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('process_id', '=', processId)
    .where('author_id', '=', authorId)
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts the draft unless the person already has an open one in the process; answers the open draft's id. */
export async function insertDraftUnlessOpen(db: Db, draft: Insertable<ProposalsTable>): Promise<string> {
  await db
    .insertInto('proposals')
    .values(draft)
    .onConflict((oc) => oc.columns(['process_id', 'author_id']).where('state', '=', 'draft').doNothing())
    .execute();
  const open = await db
    .selectFrom('proposals')
    .select('id')
    .where('process_id', '=', draft.process_id)
    .where('author_id', '=', draft.author_id)
    .where('state', '=', 'draft')
    .executeTakeFirstOrThrow();
  return open.id;
}

export async function updateById(db: Db, id: string, changes: Updateable<ProposalsTable>): Promise<void> {
  await db
    .updateTable('proposals')
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('proposals').where('id', '=', id).execute();
}

/**
 * Whether anybody supports the proposal, counting pending supports too: `supports_count` counts
 * only the supports that count, the `supports` table (once it exists) holds every one.
 */
export async function hasSupports(
  db: Db,
  proposal: Pick<Selectable<ProposalsTable>, 'id' | 'supports_count'>,
): Promise<boolean> {
  if (proposal.supports_count > 0) return true;
  const { rows } = await sql<{ table: string | null }>`select to_regclass('supports')::text as table`.execute(db);
  if (!rows[0].table) return false;
  const found = await sql<{
    found: boolean;
  }>`select exists (select 1 from supports where proposal_id = ${proposal.id}) as found`.execute(db);
  return found.rows[0].found;
}
