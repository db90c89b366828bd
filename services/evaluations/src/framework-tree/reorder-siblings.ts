import type { Framework, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { FrameworkDeps } from '../framework/create-framework';
import { assertNoFieldErrors, permutationErrors } from '../framework/framework.policy';
import { frameworkNow } from '../framework/framework.repository';
import { editDraft } from './edit-draft';
import {
  applyOrder,
  criteriaLevel,
  criterionIn,
  dimensionIn,
  dimensionsLevel,
  indicatorsLevel,
  parentIn,
  siblingIds,
  type TreeLevel,
} from './tree.repository';

/**
 * The back office drags a child to its new place and sends its siblings' new order in one
 * request: it must be a permutation of them (each exactly once), or nothing moves.
 */
async function reorder(
  trx: Transaction<EvaluationsDatabase>,
  level: TreeLevel,
  parentId: string,
  order: string[],
  what: string,
): Promise<void> {
  assertNoFieldErrors(permutationErrors(await siblingIds(trx, level, parentId), order, what), 'order');
  await applyOrder(trx, level, parentId, order);
}

export function reorderDimensions(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.dimension.reorder'>,
): Promise<Framework> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    await reorder(trx, dimensionsLevel, framework.id, request.order, 'dimensions of this framework');
    return frameworkNow(trx, framework.id);
  });
}

export function reorderCriteria(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.criterion.reorder'>,
): Promise<Framework> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const dimension = await parentIn(() => dimensionIn(trx, framework.id, request.dimensionId), 'dimensionId');
    await reorder(trx, criteriaLevel, dimension.id, request.order, 'criteria of this dimension');
    return frameworkNow(trx, framework.id);
  });
}

export function reorderIndicators(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.indicator.reorder'>,
): Promise<Framework> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const criterion = await parentIn(() => criterionIn(trx, framework.id, request.criterionId), 'criterionId');
    await reorder(trx, indicatorsLevel, criterion.id, request.order, 'indicators of this criterion');
    return frameworkNow(trx, framework.id);
  });
}
