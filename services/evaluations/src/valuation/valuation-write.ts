import { DomainError, type Actor } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { proposalInValuation, valuationFor, type ValuationDeps } from './valuation-access';
import {
  assertAssignedValuator,
  assertSignedInToValue,
  assertValuationAuthor,
  assertValuationDraft,
} from './valuation.policy';
import { findValuation, lockValuation, valuationFrameworkOf, type ValuationRow } from './valuation.repository';

/**
 * Runs a change to a valuation by its valuator, still assigned to the proposal, while a draft.
 * The process's framework is read `share` locked, then the valuation locked and read again, so a
 * new choice of framework (which drops drafts) never crosses the change.
 */
export async function valuationWrite<T>(
  deps: ValuationDeps,
  context: CallContext,
  id: string,
  change: (trx: Transaction<EvaluationsDatabase>, valuation: ValuationRow, actor: Actor) => Promise<T>,
): Promise<T> {
  assertSignedInToValue(context.actor);
  const actor = context.actor;
  const { valuation, reader } = await valuationFor(deps, context, id);
  assertValuationAuthor(reader);
  assertValuationDraft(valuation);
  const { valuators } = await proposalInValuation(deps.services, context, valuation.proposal_id!);
  assertAssignedValuator(valuators, actor.personId);
  return deps.db.transaction().execute(async (trx) => {
    await valuationFrameworkOf(trx, valuation.process_id!, 'share');
    await lockValuation(trx, id);
    const current = await findValuation(trx, id);
    if (!current) throw new DomainError('not_found', 'No such valuation.');
    assertValuationDraft(current);
    return change(trx, current, actor);
  });
}
