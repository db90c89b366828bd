import type { Dimension, Framework, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { FrameworkDeps } from '../framework/create-framework';
import { frameworkNow, toDimension, treeOf } from '../framework/framework.repository';
import { editDraft } from './edit-draft';
import { closeGap, dimensionIn, dimensionsLevel, nextPosition } from './tree.repository';

const text = (value: unknown) => (value ? JSON.stringify(value) : null);

/** Its editors add a dimension to a draft, after the last one. */
export async function createDimension(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.dimension.create'>,
): Promise<Dimension> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const id = uuidv7();
    const row = {
      id,
      framework_id: framework.id,
      stable_id: uuidv7(),
      position: await nextPosition(trx, dimensionsLevel, framework.id),
      title: JSON.stringify(request.title),
      description: text(request.description),
    };
    await trx.insertInto('dimensions').values(row).execute();
    return toDimension(await dimensionIn(trx, framework.id, id), []);
  });
}

/** Its editors retitle or redescribe a dimension of a draft. */
export async function updateDimension(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.dimension.update'>,
): Promise<Dimension> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const dimension = await dimensionIn(trx, framework.id, request.dimensionId);
    const change = {
      ...(request.title !== undefined ? { title: JSON.stringify(request.title) } : {}),
      ...(request.description !== undefined ? { description: text(request.description) } : {}),
    };
    if (Object.keys(change).length)
      await trx.updateTable('dimensions').set(change).where('id', '=', dimension.id).execute();
    return (await treeOf(trx, framework.id)).find((d) => d.id === dimension.id)!;
  });
}

/** Its editors remove a dimension of a draft, with its criteria and their indicators; the next ones move up. */
export async function deleteDimension(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.dimension.delete'>,
): Promise<Framework> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const dimension = await dimensionIn(trx, framework.id, request.dimensionId);
    await trx.deleteFrom('dimensions').where('id', '=', dimension.id).execute();
    await closeGap(trx, dimensionsLevel, framework.id, dimension.position);
    return frameworkNow(trx, framework.id);
  });
}
