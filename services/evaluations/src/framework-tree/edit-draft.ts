import type { CallContext } from '@convergences/messaging';
import type { Selectable, Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { FrameworkDeps } from '../framework/create-framework';
import { frameworkToWrite } from '../framework/framework-access';
import { assertDraft, assertMayEdit, type FrameworkFacts } from '../framework/framework.policy';
import { factsOf, lockFramework, updateFramework } from '../framework/framework.repository';
import type { FrameworksTable } from '../framework/framework.tables';

/**
 * The frame of every change to a framework's tree: signed in, the framework exists, the actor
 * edits it, it is a draft; `prepare` then asks other services (before any transaction), and
 * `change` runs with the version's row locked — the draft rule read again on it, so an edit
 * racing an adoption loses — having marked the version updated.
 */
export async function editDraft<Prepared, Result>(
  deps: FrameworkDeps,
  context: CallContext,
  frameworkId: string,
  doing: string,
  change: (
    trx: Transaction<EvaluationsDatabase>,
    framework: Selectable<FrameworksTable>,
    prepared: Prepared,
  ) => Promise<Result>,
  prepare: (framework: FrameworkFacts) => Promise<Prepared> = async () => undefined as Prepared,
): Promise<Result> {
  const { framework, access } = await frameworkToWrite(deps.db, context.actor, frameworkId);
  assertMayEdit(access, doing);
  assertDraft(factsOf(framework));
  const prepared = await prepare(factsOf(framework));
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockFramework(trx, frameworkId))!;
    assertDraft(factsOf(current));
    await updateFramework(trx, current.id, {});
    return change(trx, current, prepared);
  });
}
