import type { FrameworkValuation, ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { submitAnswers } from '../answers/write-answers';
import { valuationNow, type ValuationDeps } from './valuation-access';
import { valuationWrite } from './valuation-write';

/**
 * Its valuator submits a complete valuation (422 `assessment_incomplete` with what is missing):
 * frozen from then on, and it keeps the process's framework. Announced as any assessment is.
 */
export async function submitValuation(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuation.submit'>,
): Promise<FrameworkValuation> {
  return valuationWrite(deps, context, request.id, async (trx, valuation, actor) => {
    await submitAnswers(trx, valuation, actor);
    await addToOutbox(
      trx,
      domainEvent(
        'evaluations.assessment.submitted',
        { assessmentId: valuation.id, campaignId: null, subjectId: null, kind: 'valuation' },
        actor,
      ),
    );
    return valuationNow(trx, valuation.id);
  });
}
