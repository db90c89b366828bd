import { assertAllowed, type FrameworkValuation, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { isProcessAdmin, toFrameworkValuations, valuationFor, type ValuationDeps } from './valuation-access';
import { assertSignedInToValue } from './valuation.policy';
import { valuationsOfProposal } from './valuation.repository';

/** A valuation, for its valuator and the admins of its process; for anybody else it does not exist. */
export async function getValuation(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuation.get'>,
): Promise<FrameworkValuation> {
  const { valuation } = await valuationFor(deps, context, request.id);
  const [answered] = await toFrameworkValuations(deps.db, [valuation]);
  return answered;
}

/**
 * A proposal's valuations: every valuator's for the process's admins (and platform admins), the
 * caller's own for a valuator (or someone who valued it before losing the role). Anybody else
 * hears the process's refusal (`role_required`…).
 */
export async function listValuations(
  deps: ValuationDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.valuation.list'>,
): Promise<{ data: FrameworkValuation[] }> {
  assertSignedInToValue(context.actor);
  const actor = context.actor;
  const proposal = await deps.services.request('proposals.proposal.get', { id: request.proposalId }, context);
  if (await isProcessAdmin(deps.services, context, proposal.processId)) {
    return { data: await toFrameworkValuations(deps.db, await valuationsOfProposal(deps.db, proposal.id)) };
  }
  const own = await valuationsOfProposal(deps.db, proposal.id, actor.personId);
  if (own.length === 0) {
    assertAllowed(
      await deps.services.request(
        'processes.permission.check',
        { processId: proposal.processId, action: 'valuate' },
        context,
      ),
    );
  }
  return { data: await toFrameworkValuations(deps.db, own) };
}
