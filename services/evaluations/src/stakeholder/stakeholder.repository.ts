import { STAKEHOLDER_WINDOW_HOURS } from '@convergences/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StakeholderRelation } from '../campaign/campaign.tables';
import type { EvaluationsDatabase } from '../db/schema';
import type { RecentResponse, StoredAnswer } from './stakeholder.policy';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;

/** The subjects of a campaign, by name, for a respondent to choose from. */
export async function subjectsOf(db: Db, campaignId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('campaign_subjects')
    .select(['id', 'name'])
    .where('campaign_id', '=', campaignId)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export async function subjectOf(db: Db, campaignId: string, subjectId: string) {
  return db
    .selectFrom('campaign_subjects')
    .select(['id', 'name'])
    .where('campaign_id', '=', campaignId)
    .where('id', '=', subjectId)
    .executeTakeFirst();
}

/**
 * Serialises the responses of one source (transaction-scoped: released at commit or rollback),
 * so that a flood sent in parallel is counted one response at a time.
 */
export async function lockSource(trx: Transaction<EvaluationsDatabase>, sourceKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`stakeholder:${sourceKey}`}, 0))`.execute(trx);
}

/** The campaign's status, its row shared-locked so it does not move on before the response is in. */
export async function campaignStatusForShare(trx: Transaction<EvaluationsDatabase>, campaignId: string) {
  const row = await trx
    .selectFrom('campaigns')
    .select('status')
    .where('id', '=', campaignId)
    .forShare()
    .executeTakeFirst();
  return row?.status;
}

/** The source's responses to the campaign within the window, oldest first. */
export async function recentResponsesOf(db: Db, campaignId: string, sourceKey: string): Promise<RecentResponse[]> {
  const window = sql.raw(`interval '${STAKEHOLDER_WINDOW_HOURS} hours'`);
  const { rows } = await sql<{ subject_id: string; expires_in: number }>`
    select subject_id, extract(epoch from (submitted_at + ${window} - now()))::float8 as expires_in
    from stakeholder_responses
    where campaign_id = ${campaignId} and source_key = ${sourceKey} and submitted_at > now() - ${window}
    order by submitted_at, id`.execute(db);
  return rows.map((r) => ({ subjectId: r.subject_id, expiresInSeconds: r.expires_in }));
}

/** Stores a response and its answers: nothing of who gave it, only the keyed hash of its source. */
export async function insertResponse(
  trx: Transaction<EvaluationsDatabase>,
  response: {
    campaignId: string;
    subjectId: string;
    relation: StakeholderRelation;
    comment: string | null;
    sourceKey: string;
    answers: StoredAnswer[];
  },
): Promise<Date> {
  const id = uuidv7();
  const { submitted_at } = await trx
    .insertInto('stakeholder_responses')
    .values({
      id,
      campaign_id: response.campaignId,
      subject_id: response.subjectId,
      relation: response.relation,
      comment: response.comment,
      source_key: response.sourceKey,
    })
    .returning('submitted_at')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('stakeholder_answers')
    .values(
      response.answers.map((a) => ({
        response_id: id,
        indicator_id: a.indicatorId,
        criterion_id: a.criterionId,
        value: a.value,
      })),
    )
    .execute();
  return submitted_at;
}

/** What stakeholders said of one subject, for its results: never one response on its own. */
export interface SubjectStakeholderAnswers {
  /** How many responses. */
  count: number;
  /** Every answer of every response, in no particular grouping: a level's value, or 1 / 0 for yes / no. */
  answers: StoredAnswer[];
  /** The comments given, newest first. */
  comments: string[];
}

/**
 * Stakeholders' answers per subject, for the results: each subject asked is in the map, with
 * zero responses if none came. Reading rights are the caller's to check.
 */
export async function stakeholderAnswersOf(
  db: Db,
  subjectIds: readonly string[],
): Promise<Map<string, SubjectStakeholderAnswers>> {
  const bySubject = new Map<string, SubjectStakeholderAnswers>(
    subjectIds.map((id) => [id, { count: 0, answers: [], comments: [] }]),
  );
  if (subjectIds.length === 0) return bySubject;
  const ids = [...new Set(subjectIds)];
  const [responses, answers] = await Promise.all([
    db
      .selectFrom('stakeholder_responses')
      .select(['subject_id', 'comment'])
      .where('subject_id', 'in', ids)
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('stakeholder_answers as a')
      .innerJoin('stakeholder_responses as r', 'r.id', 'a.response_id')
      .select(['r.subject_id', 'a.indicator_id', 'a.criterion_id', 'a.value'])
      .where('r.subject_id', 'in', ids)
      .orderBy('a.indicator_id')
      .orderBy('a.value')
      .execute(),
  ]);
  for (const response of responses) {
    const subject = bySubject.get(response.subject_id)!;
    subject.count += 1;
    if (response.comment) subject.comments.push(response.comment);
  }
  for (const answer of answers) {
    bySubject.get(answer.subject_id)!.answers.push({
      indicatorId: answer.indicator_id,
      criterionId: answer.criterion_id,
      value: answer.value,
    });
  }
  return bySubject;
}
