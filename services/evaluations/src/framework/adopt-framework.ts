import type { Framework, ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import type { FrameworkDeps } from './create-framework';
import { frameworkToWrite } from './framework-access';
import { assertComplete, assertDraft, assertMayEdit } from './framework.policy';
import { factsOf, frameworkNow, lockFramework, treeOf, updateFramework } from './framework.repository';

/**
 * Its editors adopt a complete draft: it is frozen from now on, under the version number it
 * held, and `evaluations.framework.adopted` is announced in the same transaction. The tree is
 * read on the locked row, so no edit slips in between the check and the freeze.
 */
export async function adoptFramework(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.framework.adopt'>,
): Promise<Framework> {
  const { framework, access } = await frameworkToWrite(deps.db, context.actor, request.id);
  assertMayEdit(access, 'adopt a framework');
  const actor = access.actor!;
  assertDraft(factsOf(framework));
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockFramework(trx, request.id))!;
    assertDraft(factsOf(current));
    assertComplete(await treeOf(trx, current.id));
    await updateFramework(trx, current.id, { status: 'adopted', adopted_at: new Date(), adopted_by: actor.personId });
    await addToOutbox(
      trx,
      domainEvent(
        'evaluations.framework.adopted',
        {
          frameworkId: current.id,
          lineageId: current.lineage_id,
          version: current.version,
          processId: current.process_id,
        },
        actor,
      ),
    );
    return frameworkNow(trx, current.id);
  });
}
