import type { FrameworkValuation, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { answeredFramework, answersOf } from '../answers/answers.repository';
import { assertAnswersComplete } from '../answers/check-answers';
import { valuationNow, type ValuationDeps } from './valuation-access';
import { valuationWrite } from './valuation-write';
import { updateValuation } from './valuation.repository';

/**
 * Its valuator submits a complete valuation (422 `assessment_incomplete` with what is missing):
 * frozen from then on, and it keeps the process's framework.
 */
export async function submitValuation(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuation.submit'>,
): Promise<FrameworkValuation> {
  return valuationWrite(deps, context, request.id, async (trx, valuation, actor) => {
    const saved = await answersOf(trx, [valuation.id]);
    assertAnswersComplete(await answeredFramework(trx, valuation.framework_id), saved.get(valuation.id) ?? []);
    await updateValuation(trx, valuation.id, { submittedBy: actor.personId });
    return valuationNow(trx, valuation.id);
  });
}
