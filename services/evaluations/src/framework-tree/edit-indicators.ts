import type { Framework, Indicator, IndicatorShape, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { FrameworkDeps } from '../framework/create-framework';
import { changedIndicator } from '../framework/framework.policy';
import { frameworkNow, shapeOf, toIndicator } from '../framework/framework.repository';
import type { IndicatorsTable } from '../framework/framework.tables';
import { editDraft } from './edit-draft';
import { closeGap, criterionIn, indicatorIn, indicatorsLevel, nextPosition, parentIn } from './tree.repository';

/** The columns of an indicator's shape: the fields of other kinds empty. */
function columnsOf(shape: IndicatorShape) {
  return {
    title: JSON.stringify(shape.title),
    description: shape.description ? JSON.stringify(shape.description) : null,
    kind: shape.kind,
    unit: shape.kind === 'quantitative' && shape.unit ? JSON.stringify(shape.unit) : null,
    higher_is_better: shape.kind === 'quantitative' ? shape.higherIsBetter : null,
    target: shape.kind === 'quantitative' ? (shape.target ?? null) : null,
    levels: JSON.stringify(
      shape.kind === 'level_scale'
        ? shape.levels.map((level) => ({
            value: level.value,
            label: level.label,
            descriptor: level.descriptor ?? null,
          }))
        : [],
    ),
  } satisfies Partial<Record<keyof IndicatorsTable, unknown>>;
}

/** Its editors add an indicator to a criterion of a draft, after the last one. */
export async function createIndicator(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.indicator.create'>,
): Promise<Indicator> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const criterion = await parentIn(() => criterionIn(trx, framework.id, request.criterionId), 'criterionId');
    const { frameworkId: _framework, criterionId: _criterion, ...shape } = request;
    const id = uuidv7();
    await trx
      .insertInto('indicators')
      .values({
        id,
        framework_id: framework.id,
        criterion_id: criterion.id,
        stable_id: uuidv7(),
        position: await nextPosition(trx, indicatorsLevel, criterion.id),
        ...columnsOf(shape),
      })
      .execute();
    return toIndicator(await indicatorIn(trx, framework.id, id));
  });
}

/**
 * Its editors change an indicator of a draft, its kind included: the change is merged into the
 * indicator and the result checked whole (see `changedIndicator`).
 */
export async function updateIndicator(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.indicator.update'>,
): Promise<Indicator> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const current = await indicatorIn(trx, framework.id, request.indicatorId);
    const { frameworkId: _framework, indicatorId: _indicator, ...change } = request;
    const shape = changedIndicator(shapeOf(current), change);
    await trx.updateTable('indicators').set(columnsOf(shape)).where('id', '=', current.id).execute();
    return toIndicator(await indicatorIn(trx, framework.id, current.id));
  });
}

/** Its editors remove an indicator of a draft; the next ones move up. */
export async function deleteIndicator(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.indicator.delete'>,
): Promise<Framework> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const indicator = await indicatorIn(trx, framework.id, request.indicatorId);
    await trx.deleteFrom('indicators').where('id', '=', indicator.id).execute();
    await closeGap(trx, indicatorsLevel, indicator.criterion_id, indicator.position);
    return frameworkNow(trx, framework.id);
  });
}
