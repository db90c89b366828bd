import type { Assessment, AssessmentSummary } from '@convergences/contracts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AssessmentsTable } from '../campaign/campaign.tables';
import type { EvaluationsDatabase } from '../db/schema';
import { answeredCriteriaOf, answersOf } from './answers.repository';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;
export type AssessmentRow = Selectable<AssessmentsTable>;
/** An assessment's row with its author's name (peers and valuators), as the views read it. */
export type AssessmentRowWithAuthor = AssessmentRow & { author_name: string | null };

/** Assessments with their authors' names: add `where`s, `forUpdate`, an order. */
export function assessmentsWithAuthors(db: Db) {
  return db
    .selectFrom('assessments')
    .leftJoin('authors', 'authors.person_id', 'assessments.author_id')
    .selectAll('assessments')
    .select('authors.display_name as author_name');
}

export async function findAssessment(db: Db, id: string): Promise<AssessmentRowWithAuthor | undefined> {
  return assessmentsWithAuthors(db).where('assessments.id', '=', id).executeTakeFirst();
}

/** Locks an assessment for a change: every write to it or its answers (and its submission) takes this lock first. */
export async function lockAssessment(
  db: Transaction<EvaluationsDatabase>,
  id: string,
): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

function baseOf(row: AssessmentRowWithAuthor) {
  return {
    id: row.id,
    kind: row.kind,
    frameworkId: row.framework_id,
    campaignId: row.campaign_id,
    subjectId: row.subject_id,
    proposalId: row.proposal_id,
    processId: row.process_id,
    authorId: row.author_id,
    authorName: row.author_id ? row.author_name : null,
    status: row.status,
    recommendations: row.recommendations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
  };
}

/** Assessments' summaries, each with how many criteria it answers, in the rows' order. */
export async function toSummaries(db: Db, rows: AssessmentRowWithAuthor[]): Promise<AssessmentSummary[]> {
  const counts = await answeredCriteriaOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...baseOf(row), answeredCriteria: counts.get(row.id) ?? 0 }));
}

/** An assessment with its answers, as it is now (inside the caller's transaction, if any). */
export async function assessmentNow(db: Db, id: string): Promise<Assessment> {
  const row = await findAssessment(db, id);
  if (!row) throw new Error(`assessment ${id} vanished`);
  const answers = await answersOf(db, [id]);
  return { ...baseOf(row), answers: answers.get(id) ?? [] };
}
