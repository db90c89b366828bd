import type { AnswerState, ProposalState, TranslatedText } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AnswerStatesTable, ProposalsDatabase } from '../db/schema';

type Db = Kysely<ProposalsDatabase>;

/** What answering needs of a proposal, read under its row lock. */
export interface ProposalToAnswer {
  id: string;
  processId: string;
  authorId: string;
  state: ProposalState;
  answerPublishedAt: Date | null;
}

/** The proposals of these ids, locked for answering, in id order (so concurrent imports never deadlock). */
export async function lockProposalsToAnswer(db: Db, ids: string[]): Promise<Map<string, ProposalToAnswer>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'process_id', 'author_id', 'state', 'answer_published_at'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        processId: row.process_id,
        authorId: row.author_id,
        state: row.state,
        answerPublishedAt: row.answer_published_at,
      },
    ]),
  );
}

/** An answer as stored; `publishedBy` set when it is published at once. */
export interface AnswerToSave {
  state: string;
  body?: TranslatedText;
  costCents?: number;
  costReport?: TranslatedText;
  executionPeriod?: string;
  answeredBy: string;
  publishedBy: string | null;
}

/** Replaces a proposal's answer: what is not given is cleared, so an answer never mixes two. */
export async function saveAnswer(db: Db, proposalId: string, answer: AnswerToSave): Promise<void> {
  await db
    .updateTable('proposals')
    .set({
      answer_state: answer.state,
      answer_body: answer.body ? JSON.stringify(answer.body) : null,
      answer_cost_cents: answer.costCents ?? null,
      answer_cost_report: answer.costReport ? JSON.stringify(answer.costReport) : null,
      answer_execution_period: answer.executionPeriod ?? null,
      answered_at: sql<Date>`now()`,
      answered_by: answer.answeredBy,
      answer_published_at: answer.publishedBy ? sql<Date>`now()` : null,
      answer_published_by: answer.publishedBy,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', proposalId)
    .execute();
}

/** Publishes every held answer of a process; answers the proposals whose answer became public. */
export async function publishHeldAnswers(
  db: Db,
  processId: string,
  publishedBy: string,
): Promise<{ id: string; author_id: string; answer_state: string }[]> {
  const rows = await db
    .updateTable('proposals')
    .set({ answer_published_at: sql<Date>`now()`, answer_published_by: publishedBy })
    .where('process_id', '=', processId)
    .where('answer_state', 'is not', null)
    .where('answer_published_at', 'is', null)
    .returning(['id', 'author_id', 'answer_state'])
    .execute();
  return rows.map((row) => ({ ...row, answer_state: row.answer_state! }));
}

/** The keys of a process's own states; `lock` holds them (key share) until the transaction ends, so none is deleted meanwhile. */
export async function customStateKeys(db: Db, processId: string, lock = false): Promise<Set<string>> {
  let query = db.selectFrom('answer_states').select('key').where('process_id', '=', processId);
  if (lock) query = query.forKeyShare();
  return new Set((await query.execute()).map((row) => row.key));
}

export async function answerStatesOf(db: Db, processId: string): Promise<Selectable<AnswerStatesTable>[]> {
  return db
    .selectFrom('answer_states')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

/** The state, locked against answers using it while it changes or goes. */
export async function lockAnswerState(
  db: Db,
  processId: string,
  key: string,
): Promise<Selectable<AnswerStatesTable> | undefined> {
  return db
    .selectFrom('answer_states')
    .selectAll()
    .where('process_id', '=', processId)
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

/** Serialises changes to one process's list of states (positions stay a sequence). */
export async function lockAnswerStatesOf(db: Db, processId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`answer_states:${processId}`}, 0))`.execute(db);
}

/** Adds a state at a position (from 1; the end when beyond), moving the others down. */
export async function insertAnswerState(
  db: Db,
  state: { processId: string; key: string; label: TranslatedText; colour: string; position?: number },
): Promise<boolean> {
  const { count } = await db
    .selectFrom('answer_states')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('process_id', '=', state.processId)
    .executeTakeFirstOrThrow();
  const position = Math.min(state.position ?? Number(count) + 1, Number(count) + 1);
  const inserted = await db
    .insertInto('answer_states')
    .values({
      process_id: state.processId,
      key: state.key,
      label: JSON.stringify(state.label),
      colour: state.colour,
      position,
    })
    .onConflict((oc) => oc.columns(['process_id', 'key']).doNothing())
    .executeTakeFirst();
  if (!inserted.numInsertedOrUpdatedRows) return false;
  await db
    .updateTable('answer_states')
    .set({ position: sql<number>`position + 1` })
    .where('process_id', '=', state.processId)
    .where('key', '!=', state.key)
    .where('position', '>=', position)
    .execute();
  return true;
}

/** Changes a state's label, colour or position (the others make room). */
export async function updateAnswerState(
  db: Db,
  current: Selectable<AnswerStatesTable>,
  change: { label?: TranslatedText; colour?: string; position?: number },
): Promise<void> {
  if (change.position !== undefined && change.position !== current.position) {
    const { count } = await db
      .selectFrom('answer_states')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('process_id', '=', current.process_id)
      .executeTakeFirstOrThrow();
    const to = Math.min(change.position, Number(count));
    const [from, shift] = [current.position, to < current.position ? 1 : -1];
    await db
      .updateTable('answer_states')
      .set({ position: sql<number>`position + ${shift}` })
      .where('process_id', '=', current.process_id)
      .where('key', '!=', current.key)
      .where('position', '>=', Math.min(from, to))
      .where('position', '<=', Math.max(from, to))
      .execute();
    await db
      .updateTable('answer_states')
      .set({ position: to })
      .where('process_id', '=', current.process_id)
      .where('key', '=', current.key)
      .execute();
  }
  if (change.label || change.colour) {
    await db
      .updateTable('answer_states')
      .set({
        ...(change.label ? { label: JSON.stringify(change.label) } : {}),
        ...(change.colour ? { colour: change.colour } : {}),
      })
      .where('process_id', '=', current.process_id)
      .where('key', '=', current.key)
      .execute();
  }
}

/** How many proposals of the process have an answer (held or published) in this state. */
export async function answersInState(db: Db, processId: string, key: string): Promise<number> {
  const { count } = await db
    .selectFrom('proposals')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('process_id', '=', processId)
    .where('answer_state', '=', key)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function deleteAnswerState(db: Db, state: Selectable<AnswerStatesTable>): Promise<void> {
  await db
    .deleteFrom('answer_states')
    .where('process_id', '=', state.process_id)
    .where('key', '=', state.key)
    .execute();
  await db
    .updateTable('answer_states')
    .set({ position: sql<number>`position - 1` })
    .where('process_id', '=', state.process_id)
    .where('position', '>', state.position)
    .execute();
}

export function toAnswerState(row: Selectable<AnswerStatesTable>): AnswerState {
  return { processId: row.process_id, key: row.key, label: row.label, colour: row.colour, position: row.position };
}
