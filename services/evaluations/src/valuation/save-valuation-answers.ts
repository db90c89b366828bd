import type { FrameworkValuation, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { answeredFramework, saveAnswers } from '../answers/answers.repository';
import { checkAnswers, storedNarrative } from '../answers/check-answers';
import { valuationWrite } from './valuation-write';
import { updateValuation } from './valuation.repository';
import { valuationNow, type ValuationDeps } from './valuation-access';

/**
 * Its valuator saves answers into their draft, checked against the framework version first (400
 * with every misfit named); criteria not given keep their answers; `recommendations` is their summary.
 */
export async function saveValuationAnswers(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuation.saveAnswers'>,
): Promise<FrameworkValuation> {
  return valuationWrite(deps, context, request.id, async (trx, valuation) => {
    checkAnswers(await answeredFramework(trx, valuation.framework_id), request.answers);
    await saveAnswers(trx, valuation.id, request.answers);
    const recommendations =
      request.recommendations === undefined ? undefined : storedNarrative(request.recommendations);
    await updateValuation(trx, valuation.id, { recommendations });
    return valuationNow(trx, valuation.id);
  });
}
