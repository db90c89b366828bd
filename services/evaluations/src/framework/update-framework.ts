import type { Framework, ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { FrameworkDeps } from './create-framework';
import { frameworkToWrite } from './framework-access';
import { processErrors } from './framework-process';
import { assertDraft, assertMayEdit, assertNoFieldErrors } from './framework.policy';
import { factsOf, frameworkNow, lockFramework, updateFramework as writeFramework } from './framework.repository';

/** Its editors retitle a draft, describe it, attach it to a process (which must exist) or detach it. */
export async function updateFramework(
  deps: FrameworkDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.framework.update'>,
): Promise<Framework> {
  const { framework, access } = await frameworkToWrite(deps.db, context.actor, request.id);
  assertMayEdit(access, 'edit a framework');
  assertDraft(factsOf(framework));
  assertNoFieldErrors(await processErrors(deps.services, context, request.processId), 'framework');
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockFramework(trx, request.id))!;
    // Adopted meanwhile: the rule is read again on the locked row.
    assertDraft(factsOf(current));
    await writeFramework(trx, current.id, {
      ...(request.title !== undefined ? { title: JSON.stringify(request.title) } : {}),
      ...(request.description !== undefined
        ? { description: request.description ? JSON.stringify(request.description) : null }
        : {}),
      ...(request.processId !== undefined ? { process_id: request.processId } : {}),
    });
    return frameworkNow(trx, current.id);
  });
}
