import type { FrameworkValuation, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { writeAnswers } from '../answers/write-answers';
import { valuationNow, type ValuationDeps } from './valuation-access';
import { valuationWrite } from './valuation-write';

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
    await writeAnswers(trx, valuation, request);
    return valuationNow(trx, valuation.id);
  });
}
