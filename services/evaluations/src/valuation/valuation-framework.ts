import {
  assertAllowed,
  DomainError,
  type ParsedRequestOf,
  type ProcessValuationFramework,
  type ValuationFrameworkChoice,
} from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely, Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { findFramework, frameworkNow } from '../framework/framework.repository';
import type { ValuationDeps } from './valuation-access';
import { assertAdoptedForValuation, assertMayChangeValuationFramework } from './valuation.policy';
import {
  chooseValuationFramework,
  discardDraftValuations,
  submittedValuationsIn,
  valuationFrameworkOf,
} from './valuation.repository';

async function choiceNow(
  db: Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>,
  processId: string,
): Promise<ProcessValuationFramework> {
  const choice = await valuationFrameworkOf(db, processId);
  if (!choice) return { processId, framework: null, chosenBy: null, chosenAt: null };
  return {
    processId,
    framework: await frameworkNow(db, choice.framework_id),
    chosenBy: choice.chosen_by,
    chosenAt: choice.chosen_at.toISOString(),
  };
}

/** The framework a process's valuators use, with its tree, for whoever sees the process: its criteria are no secret. */
export async function getValuationFramework(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuationFramework.get'>,
): Promise<ProcessValuationFramework> {
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: request.processId, action: 'view' },
      context,
    ),
  );
  return choiceNow(deps.db, request.processId);
}

/**
 * The process's admins (and platform admins) choose the adopted version its valuators use. Once a
 * valuation is submitted the choice is kept; until then the drafts begun on the previous
 * framework are dropped with it (they answer criteria the new one does not have). Choosing the
 * same version again changes nothing.
 */
export async function setValuationFramework(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuationFramework.set'>,
): Promise<ValuationFrameworkChoice> {
  if (!context.actor) throw new DomainError('unauthenticated', 'Sign in to choose a valuation framework.');
  const actor = context.actor;
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: request.processId, action: 'administer' },
      context,
    ),
  );
  assertAdoptedForValuation(await findFramework(deps.db, request.frameworkId));
  return deps.db.transaction().execute(async (trx) => {
    const current = await valuationFrameworkOf(trx, request.processId, 'update');
    let discardedDrafts = 0;
    if (current?.framework_id !== request.frameworkId) {
      if (current) {
        assertMayChangeValuationFramework(await submittedValuationsIn(trx, request.processId));
        discardedDrafts = await discardDraftValuations(trx, request.processId);
      }
      await chooseValuationFramework(trx, {
        processId: request.processId,
        frameworkId: request.frameworkId,
        chosenBy: actor.personId,
      });
    }
    return { ...(await choiceNow(trx, request.processId)), discardedDrafts };
  });
}
