import type { ParsedRequestOf, Valuation } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { toProposal } from '../proposal/proposal.repository';
import { proposalStanding, type StandingDeps } from './proposal-standing';
import { notesOf, valuatorsOf } from './valuation.repository';

/** A proposal as its valuators and the process's admins study it: its answer even held, its valuators, its private notes. */
export async function getValuation(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.valuation.get'>,
): Promise<Valuation> {
  const { proposal } = await proposalStanding(deps, context, request.proposalId, 'see valuations');
  const [valuators, notes] = await Promise.all([valuatorsOf(deps.db, proposal.id), notesOf(deps.db, proposal.id)]);
  return { proposal: toProposal(proposal, { withHeldAnswer: true }), valuators, notes };
}
