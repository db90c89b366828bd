import type { Assessment, ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { assessmentNow, lockAssessment } from '../answers/assessment-view';
import { submitAnswers } from '../answers/write-answers';
import { assessmentToWrite } from './assessment-access';
import { assertSignedIn, assertWritingWindow } from './assessment.policy';
import { campaignStatusNow } from './assessment.repository';
import type { AssessmentDeps } from './start-assessment';

/**
 * Its writers submit a complete draft, in the kind's window: frozen from then on (the database
 * refuses any change too). The row is locked first, so of two submits at once exactly one wins;
 * the other finds it submitted (409 `assessment_submitted`).
 */
export async function submitAssessment(
  deps: AssessmentDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.assessment.submit'>,
): Promise<Assessment> {
  assertSignedIn(context.actor, 'submit an assessment');
  const actor = context.actor;
  const { assessment, campaign } = await assessmentToWrite(deps.db, actor, request.id);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockAssessment(trx, assessment.id))!;
    if (current.status === 'draft') assertWritingWindow(assessment.kind, await campaignStatusNow(trx, campaign.id));
    await submitAnswers(trx, current, actor);
    await addToOutbox(
      trx,
      domainEvent(
        'evaluations.assessment.submitted',
        {
          assessmentId: current.id,
          campaignId: current.campaign_id,
          subjectId: current.subject_id,
          kind: current.kind,
        },
        actor,
      ),
    );
    return assessmentNow(trx, current.id);
  });
}
