import { DomainError, type Actor, type SaveAnswersRequest } from '@convergences/contracts';
import { sql, type Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { answeredFramework, answersOf, saveAnswers } from './answers.repository';
import type { AssessmentRow } from './assessment-view';
import { assertAnswersComplete, checkAnswers } from './check-answers';

/*
 * Writing answers and submitting, the same for every kind of assessment once its own rules (who
 * writes, when) have let the caller through. The caller holds the assessment's row lock
 * (`lockAssessment`), so two writes, or two submits, of one assessment never interleave.
 */

/** A submitted assessment is frozen: neither it nor its answers change. */
export function assertDraftAssessment(row: Pick<AssessmentRow, 'status'>): void {
  if (row.status !== 'draft') {
    throw new DomainError('assessment_submitted', 'This assessment is submitted: it is never changed.');
  }
}

/** Which kinds carry recommendations: the committee's opinion, and a valuator's summary. */
const withRecommendations: readonly AssessmentRow['kind'][] = ['committee', 'valuation'];

/**
 * Checks the answers against the framework version the assessment answers (400 with every
 * problem named), then saves them and the recommendations, if given, into the locked draft.
 */
export async function writeAnswers(
  trx: Transaction<EvaluationsDatabase>,
  row: AssessmentRow,
  request: Pick<SaveAnswersRequest, 'answers' | 'recommendations'>,
): Promise<void> {
  assertDraftAssessment(row);
  if (request.recommendations !== undefined && !withRecommendations.includes(row.kind)) {
    throw new DomainError('validation_failed', 'These answers do not fit the framework.', undefined, [
      {
        path: 'recommendations',
        message: `A ${row.kind} assessment has no recommendations: only the committee's has.`,
      },
    ]);
  }
  checkAnswers(await answeredFramework(trx, row.framework_id), request.answers);
  await saveAnswers(trx, row.id, request.answers);
  await trx
    .updateTable('assessments')
    .set({
      updated_at: sql<Date>`now()`,
      ...(request.recommendations !== undefined ? { recommendations: request.recommendations || null } : {}),
    })
    .where('id', '=', row.id)
    .execute();
}

/** Submits the locked draft once complete (422 `assessment_incomplete` with what is missing); frozen from then on. */
export async function submitAnswers(
  trx: Transaction<EvaluationsDatabase>,
  row: AssessmentRow,
  actor: Actor,
): Promise<void> {
  assertDraftAssessment(row);
  const saved = (await answersOf(trx, [row.id])).get(row.id) ?? [];
  assertAnswersComplete(await answeredFramework(trx, row.framework_id), saved);
  await trx
    .updateTable('assessments')
    .set({
      status: 'submitted',
      submitted_at: sql<Date>`now()`,
      submitted_by: actor.personId,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'draft')
    .execute();
}
