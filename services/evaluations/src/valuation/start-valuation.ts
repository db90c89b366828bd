import type { ParsedRequestOf, StartedFrameworkValuation } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { rememberAuthor } from '@convergences/read-models';
import { v7 as uuidv7 } from 'uuid';
import { proposalInValuation, toFrameworkValuations, type ValuationDeps } from './valuation-access';
import {
  assertAssignedValuator,
  assertSignedInToValue,
  assertValuable,
  assertValuationFrameworkChosen,
} from './valuation.policy';
import { insertValuation, valuationFrameworkOf, valuationsOfProposal } from './valuation.repository';

/**
 * A valuator assigned to a proposal begins valuing it with the process's framework: their draft,
 * found or created (one per valuator and proposal). The proposals service says who is assigned.
 */
export async function startValuation(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuation.start'>,
): Promise<StartedFrameworkValuation> {
  assertSignedInToValue(context.actor);
  const actor = context.actor;
  const { proposal, valuators } = await proposalInValuation(deps.services, context, request.proposalId);
  assertAssignedValuator(valuators, actor.personId);
  assertValuable(proposal);
  return deps.db.transaction().execute(async (trx) => {
    const choice = await valuationFrameworkOf(trx, proposal.processId, 'share');
    assertValuationFrameworkChosen(choice, proposal.processId);
    await rememberAuthor(trx, actor.personId, actor.displayName);
    const created = await insertValuation(trx, {
      id: uuidv7(),
      frameworkId: choice.framework_id,
      proposalId: proposal.id,
      processId: proposal.processId,
      authorId: actor.personId,
    });
    const [valuation] = await toFrameworkValuations(trx, await valuationsOfProposal(trx, proposal.id, actor.personId));
    return { valuation, created };
  });
}
