import { DomainError, assertAllowed, type MySupports, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { participationInForce } from '@convergences/read-models';
import type { SupportDeps } from './give-support';
import { supportLimitsOf } from './support.policy';
import { supportsOfPerson, toSupport } from './support.repository';

/** The caller's supports in a process they may see, with what remains of their quota and whether theirs count yet. */
export async function mySupports(
  deps: SupportDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.support.mine'>,
): Promise<MySupports> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to see your supports.');
  const { processId } = request;
  assertAllowed(await deps.services.request('processes.permission.check', { processId, action: 'view' }, context));
  const snapshot = await participationInForce(deps.db, deps.services, processId, context);
  const limits = supportLimitsOf(snapshot.settings);
  const supports = (await supportsOfPerson(deps.db, processId, actor.personId)).map(toSupport);
  const quota = limits.quota > 0 ? limits.quota : null;
  return {
    processId,
    given: supports.length,
    quota,
    remaining: quota === null ? null : Math.max(0, quota - supports.length),
    minimumSupportsPerPerson: limits.minimum,
    // Their supports' own state: a change of the minimum applies to them at their next support.
    counting: supports.length > 0 ? supports.every((s) => s.state === 'counted') : limits.minimum === 0,
    supports,
  };
}
