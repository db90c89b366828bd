import type { Support } from '@convergences/contracts';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ProposalsDatabase, SupportsTable } from '../db/schema';
import type { SupportTarget } from './support.policy';

type Db = Kysely<ProposalsDatabase>;
export type SupportRow = Selectable<SupportsTable>;

/** The proposal a support goes to, as it is now (no lock). */
export async function findTarget(
  db: Db,
  proposalId: string,
): Promise<(SupportTarget & { processId: string; hidden: boolean }) | undefined> {
  const row = await db
    .selectFrom('proposals')
    .select(['id', 'process_id', 'state', 'answer_state', 'answer_published_at', 'supports_count', 'hidden_at'])
    .where('id', '=', proposalId)
    .executeTakeFirst();
  return row && { ...toTarget(row), processId: row.process_id, hidden: row.hidden_at !== null };
}

/**
 * Locks the proposals in id order (every transaction that locks several does so in that order,
 * after the person's tally row, so none waits for another in a cycle).
 */
export async function lockTargets(db: Db, proposalIds: string[]): Promise<Map<string, SupportTarget>> {
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'state', 'answer_state', 'answer_published_at', 'supports_count'])
    .where('id', 'in', proposalIds)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, toTarget(row)]));
}

function toTarget(row: {
  id: string;
  state: SupportTarget['state'];
  answer_state: string | null;
  answer_published_at: Date | null;
  supports_count: number;
}): SupportTarget {
  return {
    id: row.id,
    state: row.state,
    answerState: row.answer_state,
    answerPublished: row.answer_published_at !== null,
    supportsCount: row.supports_count,
  };
}

/**
 * One more support given by the person in the process, unless they reached the quota (0: none),
 * in one statement: the upsert locks their tally row, so concurrent supports of one person queue
 * here and each sees the count the previous one left. Answers the new count, or `undefined` at the
 * quota.
 */
export async function takeFromQuota(
  db: Db,
  processId: string,
  personId: string,
  quota: number,
): Promise<number | undefined> {
  const row = await db
    .insertInto('support_tallies')
    .values({ process_id: processId, person_id: personId, given: 1 })
    .onConflict((oc) => {
      const raise = oc.columns(['process_id', 'person_id']).doUpdateSet({ given: sql`support_tallies.given + 1` });
      return quota > 0 ? raise.where('support_tallies.given', '<', quota) : raise;
    })
    .returning('given')
    .executeTakeFirst();
  return row?.given;
}

/** Locks the person's tally row in the process; answers how many supports they have given (0 without a row). */
export async function lockTally(db: Db, processId: string, personId: string): Promise<number> {
  const row = await db
    .selectFrom('support_tallies')
    .select('given')
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  return row?.given ?? 0;
}

/** One support fewer for the person; answers the new count. */
export async function giveBack(db: Db, processId: string, personId: string): Promise<number> {
  const row = await db
    .updateTable('support_tallies')
    .set({ given: sql`given - 1` })
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .returning('given')
    .executeTakeFirstOrThrow();
  return row.given;
}

export async function supportOf(db: Db, proposalId: string, personId: string): Promise<SupportRow | undefined> {
  return db
    .selectFrom('supports')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** The proposals the person supports in the process, and whether each support counts. */
export async function supportsOfPersonIn(
  db: Db,
  processId: string,
  personId: string,
): Promise<{ proposalId: string; counted: boolean }[]> {
  const rows = await db
    .selectFrom('supports')
    .select(['proposal_id', 'counted'])
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => ({ proposalId: row.proposal_id, counted: row.counted }));
}

export async function insertSupport(db: Db, support: Insertable<SupportsTable>): Promise<SupportRow> {
  return db.insertInto('supports').values(support).returningAll().executeTakeFirstOrThrow();
}

export async function deleteSupport(db: Db, id: string): Promise<void> {
  await db.deleteFrom('supports').where('id', '=', id).execute();
}

/** Counts (or stops counting) every support of the person in the process. */
export async function setCounted(db: Db, processId: string, personId: string, counted: boolean): Promise<void> {
  await db
    .updateTable('supports')
    .set({ counted })
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .where('counted', '=', !counted)
    .execute();
}

/**
 * One more counted support on each proposal, except those already at the cap (0: none); the
 * condition is evaluated on the locked row, so no interleaving goes past the cap. Answers the
 * proposals raised.
 */
export async function countUp(db: Db, proposalIds: string[], cap: number): Promise<string[]> {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .updateTable('proposals')
    .set({ supports_count: sql`supports_count + 1` })
    .where('id', 'in', proposalIds)
    .$if(cap > 0, (q) => q.where('supports_count', '<', cap))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function countDown(db: Db, proposalIds: string[]): Promise<void> {
  if (proposalIds.length === 0) return;
  await db
    .updateTable('proposals')
    .set({ supports_count: sql`supports_count - 1` })
    .where('id', 'in', proposalIds)
    .execute();
}

/** The person's supports in the process, newest first. */
export async function supportsOfPerson(db: Db, processId: string, personId: string): Promise<SupportRow[]> {
  return db
    .selectFrom('supports')
    .selectAll()
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function toSupport(row: SupportRow): Support {
  return {
    id: row.id,
    proposalId: row.proposal_id,
    processId: row.process_id,
    personId: row.person_id,
    state: row.counted ? 'counted' : 'pending',
    createdAt: row.created_at.toISOString(),
  };
}
