import type { Framework, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { FrameworkDeps } from './create-framework';
import { frameworkToWrite } from './framework-access';
import { assertMayEdit, assertMayStartVersion } from './framework.policy';
import {
  copyTree,
  draftOf,
  factsOf,
  frameworkNow,
  insertFramework,
  lastVersionOf,
  lockLineage,
  treeOf,
} from './framework.repository';

/**
 * Its editors start the next version of a lineage from an adopted version: a draft numbered
 * after the lineage's last, holding a copy of that version's texts, process and tree (the same
 * stable ids, the same proposal links). A lineage has one draft at a time. The lineage's row is
 * locked, so two requests never start the same number.
 */
export async function startVersion(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.framework.startVersion'>,
): Promise<Framework> {
  const { framework: source, access } = await frameworkToWrite(deps.db, context.actor, request.id);
  assertMayEdit(access, 'start a new version of a framework');
  const actor = access.actor!;
  assertMayStartVersion(factsOf(source), await draftOf(deps.db, source.lineage_id));
  return deps.db.transaction().execute(async (trx) => {
    await lockLineage(trx, source.lineage_id);
    assertMayStartVersion(factsOf(source), await draftOf(trx, source.lineage_id));
    const id = uuidv7();
    await insertFramework(trx, {
      id,
      lineage_id: source.lineage_id,
      version: (await lastVersionOf(trx, source.lineage_id)) + 1,
      status: 'draft',
      title: JSON.stringify(source.title),
      description: source.description ? JSON.stringify(source.description) : null,
      process_id: source.process_id,
      based_on_id: source.id,
      created_by: actor.personId,
    });
    await copyTree(trx, await treeOf(trx, source.id), id);
    return frameworkNow(trx, id);
  });
}
