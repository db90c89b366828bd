import type { Assessment, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assessmentNow, lockAssessment } from '../answers/assessment-view';
import { writeAnswers } from '../answers/write-answers';
import { assessmentToWrite } from './assessment-access';
import { assertSignedIn, assertWritingWindow } from './assessment.policy';
import { campaignStatusNow } from './assessment.repository';
import type { AssessmentDeps } from './start-assessment';

/**
 * Its writers save answers into a draft, in the kind's window, in one transaction: every answer
 * checked against the campaign's framework version first, so a refusal changes nothing.
 */
export async function saveAssessmentAnswers(
  deps: AssessmentDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.assessment.saveAnswers'>,
): Promise<Assessment> {
  assertSignedIn(context.actor, 'write an assessment');
  const { assessment, campaign } = await assessmentToWrite(deps.db, context.actor, request.id);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockAssessment(trx, assessment.id))!;
    if (current.status === 'draft') assertWritingWindow(assessment.kind, await campaignStatusNow(trx, campaign.id));
    await writeAnswers(trx, current, request);
    return assessmentNow(trx, current.id);
  });
}
