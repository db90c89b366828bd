import type { Criterion, Framework, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { FrameworkDeps } from '../framework/create-framework';
import { frameworkNow, toCriterion, toIndicator } from '../framework/framework.repository';
import type { CriteriaTable } from '../framework/framework.tables';
import { editDraft } from './edit-draft';
import { closeGap, criteriaLevel, criterionIn, dimensionIn, nextPosition, parentIn } from './tree.repository';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

const text = (value: unknown) => (value ? JSON.stringify(value) : null);

/** A criterion with its indicators, as it is now. */
export async function criterionNow(
  db: Kysely<EvaluationsDatabase>,
  frameworkId: string,
  id: string,
): Promise<Criterion> {
  const row = await criterionIn(db, frameworkId, id);
  const indicators = await db
    .selectFrom('indicators')
    .selectAll()
    .where('criterion_id', '=', id)
    .orderBy('position')
    .execute();
  return toCriterion(row, indicators.map(toIndicator));
}

/** Its editors add a criterion to a dimension of a draft, after the last one. */
export async function createCriterion(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.criterion.create'>,
): Promise<Criterion> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const dimension = await parentIn(() => dimensionIn(trx, framework.id, request.dimensionId), 'dimensionId');
    const id = uuidv7();
    await trx
      .insertInto('criteria')
      .values({
        id,
        framework_id: framework.id,
        dimension_id: dimension.id,
        stable_id: uuidv7(),
        position: await nextPosition(trx, criteriaLevel, dimension.id),
        title: JSON.stringify(request.title),
        description: text(request.description),
        narrative_required: request.narrativeRequired,
        evidence_allowed: request.evidenceAllowed,
      })
      .execute();
    return criterionNow(trx, framework.id, id);
  });
}

/**
 * Its editors change a criterion of a draft; a `dimensionId` moves it to the end of that
 * dimension, and the criteria after it in its old one move up.
 */
export async function updateCriterion(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.criterion.update'>,
): Promise<Criterion> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const criterion = await criterionIn(trx, framework.id, request.criterionId);
    const change: Updateable<CriteriaTable> = {
      ...(request.title !== undefined ? { title: JSON.stringify(request.title) } : {}),
      ...(request.description !== undefined ? { description: text(request.description) } : {}),
      ...(request.narrativeRequired !== undefined ? { narrative_required: request.narrativeRequired } : {}),
      ...(request.evidenceAllowed !== undefined ? { evidence_allowed: request.evidenceAllowed } : {}),
    };
    if (request.dimensionId !== undefined && request.dimensionId !== criterion.dimension_id) {
      const target = await parentIn(() => dimensionIn(trx, framework.id, request.dimensionId!), 'dimensionId');
      await closeGap(trx, criteriaLevel, criterion.dimension_id, criterion.position);
      change.dimension_id = target.id;
      change.position = await nextPosition(trx, criteriaLevel, target.id);
    }
    if (Object.keys(change).length)
      await trx.updateTable('criteria').set(change).where('id', '=', criterion.id).execute();
    return criterionNow(trx, framework.id, criterion.id);
  });
}

/** Its editors remove a criterion of a draft, with its indicators; the next ones move up. */
export async function deleteCriterion(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.criterion.delete'>,
): Promise<Framework> {
  return editDraft(deps, context, request.frameworkId, 'edit a framework', async (trx, framework) => {
    const criterion = await criterionIn(trx, framework.id, request.criterionId);
    await trx.deleteFrom('criteria').where('id', '=', criterion.id).execute();
    await closeGap(trx, criteriaLevel, criterion.dimension_id, criterion.position);
    return frameworkNow(trx, framework.id);
  });
}
