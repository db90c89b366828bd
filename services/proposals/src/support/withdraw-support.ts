import { DomainError, type ParsedRequestOf, type SupportWithdrawal } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { participationInForce } from '@convergences/read-models';
import type { SupportDeps } from './give-support';
import { assertMaySupport, supportLimitsOf, supportsCountAt } from './support.policy';
import {
  countDown,
  deleteSupport,
  findTarget,
  giveBack,
  lockTally,
  lockTargets,
  setCounted,
  supportOf,
  supportsOfPersonIn,
  toSupport,
} from './support.repository';

/**
 * A participant takes their support back while the phase lets supports change (withdrawn or
 * rejected proposals included: the support goes back to their quota). Falling below the
 * minimum makes all their supports in the process pending again. Nothing to take back is no error.
 */
export async function withdrawSupport(
  deps: SupportDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.support.withdraw'>,
): Promise<SupportWithdrawal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to take a support back.');
  const target = await findTarget(deps.db, request.proposalId);
  if (!target || target.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
  const { processId } = target;
  const decision = await deps.services.request(
    'processes.permission.check',
    { processId, action: 'support_proposal' },
    context,
  );
  assertMaySupport(actor, decision);
  return deps.db.transaction().execute(async (trx) => {
    const limits = supportLimitsOf((await participationInForce(trx, deps.services, processId, context)).settings);
    await lockTally(trx, processId, actor.personId);
    const support = await supportOf(trx, target.id, actor.personId);
    if (!support) return { withdrawn: null };

    const given = await giveBack(trx, processId, actor.personId);
    const demoted =
      support.counted && !supportsCountAt(given, limits)
        ? (await supportsOfPersonIn(trx, processId, actor.personId))
            .filter((other) => other.counted && other.proposalId !== target.id)
            .map((other) => other.proposalId)
        : [];
    const uncounted = [...(support.counted ? [target.id] : []), ...demoted];
    if (uncounted.length > 0) await lockTargets(trx, uncounted);
    await deleteSupport(trx, support.id);
    await countDown(trx, uncounted);
    if (demoted.length > 0) await setCounted(trx, processId, actor.personId, false);
    await addToOutbox(
      trx,
      domainEvent(
        'proposals.support.withdrawn',
        { supportId: support.id, proposalId: target.id, processId, personId: actor.personId },
        actor,
      ),
    );
    return { withdrawn: toSupport(support) };
  });
}
