import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AssessmentsTable, ProcessValuationFrameworksTable } from '../campaign/campaign.tables';
import type { EvaluationsDatabase } from '../db/schema';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;

/** A valuation (an assessment of kind `valuation`) with its valuator's name. */
export type ValuationRow = Selectable<AssessmentsTable> & { author_name: string | null };
export type ValuationFrameworkRow = Selectable<ProcessValuationFrameworksTable>;

/**
 * The framework chosen for a process. Every write to the process's valuations reads it `share`
 * locked, and a new choice `update` locked, so no valuation is begun or submitted on a framework
 * that is being replaced.
 */
export async function valuationFrameworkOf(
  db: Db,
  processId: string,
  lock?: 'share' | 'update',
): Promise<ValuationFrameworkRow | undefined> {
  let query = db.selectFrom('process_valuation_frameworks').selectAll().where('process_id', '=', processId);
  if (lock === 'share') query = query.forShare();
  if (lock === 'update') query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function chooseValuationFramework(
  trx: Transaction<EvaluationsDatabase>,
  choice: { processId: string; frameworkId: string; chosenBy: string },
): Promise<void> {
  await trx
    .insertInto('process_valuation_frameworks')
    .values({ process_id: choice.processId, framework_id: choice.frameworkId, chosen_by: choice.chosenBy })
    .onConflict((oc) =>
      oc.column('process_id').doUpdateSet({
        framework_id: choice.frameworkId,
        chosen_by: choice.chosenBy,
        chosen_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

export async function submittedValuationsIn(db: Db, processId: string): Promise<number> {
  const row = await db
    .selectFrom('assessments')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('kind', '=', 'valuation')
    .where('process_id', '=', processId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Drops the drafts begun in a process (their answers go with them); how many were dropped. */
export async function discardDraftValuations(trx: Transaction<EvaluationsDatabase>, processId: string) {
  const result = await trx
    .deleteFrom('assessments')
    .where('kind', '=', 'valuation')
    .where('process_id', '=', processId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function valuations(db: Db) {
  return db
    .selectFrom('assessments')
    .leftJoin('authors', 'authors.person_id', 'assessments.author_id')
    .selectAll('assessments')
    .select('authors.display_name as author_name')
    .where('assessments.kind', '=', 'valuation');
}

export async function findValuation(db: Db, id: string): Promise<ValuationRow | undefined> {
  return valuations(db).where('assessments.id', '=', id).executeTakeFirst();
}

/** Locks a valuation for a change; the caller holds its process's framework `share` locked first. */
export async function lockValuation(trx: Transaction<EvaluationsDatabase>, id: string): Promise<void> {
  await trx.selectFrom('assessments').select('id').where('id', '=', id).forUpdate().execute();
}

/** A proposal's valuations, the first begun first; only one valuator's with `authorId`. */
export async function valuationsOfProposal(db: Db, proposalId: string, authorId?: string): Promise<ValuationRow[]> {
  let query = valuations(db).where('assessments.proposal_id', '=', proposalId);
  if (authorId) query = query.where('assessments.author_id', '=', authorId);
  return query.orderBy('assessments.created_at').orderBy('assessments.id').execute();
}

/** The valuator's draft of a proposal, created unless it exists (one per valuator and proposal); whether it was. */
export async function insertValuation(
  trx: Transaction<EvaluationsDatabase>,
  valuation: { id: string; frameworkId: string; proposalId: string; processId: string; authorId: string },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('assessments')
    .values({
      id: valuation.id,
      kind: 'valuation',
      framework_id: valuation.frameworkId,
      proposal_id: valuation.proposalId,
      process_id: valuation.processId,
      author_id: valuation.authorId,
      created_by: valuation.authorId,
    })
    .onConflict((oc) => oc.columns(['proposal_id', 'author_id']).where('kind', '=', 'valuation').doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!inserted;
}
