import { DomainError, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { findById } from '../proposal/proposal.repository';
import { assertMayAnswerIn, type StandingDeps } from './proposal-standing';
import { unassign } from './valuation.repository';

/** A process admin takes a valuator off a proposal; their notes and drafted answer stay. */
export async function unassignValuator(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.valuator.unassign'>,
): Promise<{ removed: boolean }> {
  const proposal = await findById(deps.db, request.proposalId);
  if (!proposal || proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
  await assertMayAnswerIn(deps, context, proposal.process_id, 'assign valuators');
  return { removed: await unassign(deps.db, proposal.id, request.personId) };
}
