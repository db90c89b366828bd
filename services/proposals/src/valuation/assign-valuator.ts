import { DomainError, type ParsedRequestOf, type ValuatorAssignment } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { findById } from '../proposal/proposal.repository';
import { assertMayAnswerIn, type StandingDeps } from './proposal-standing';
import { assign, toAssignment } from './valuation.repository';

/**
 * A process admin puts a valuator of the process in charge of a proposal; assigning them again
 * answers the assignment as it was. Only holders of the process's valuator role can be assigned.
 */
export async function assignValuator(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.valuator.assign'>,
): Promise<ValuatorAssignment> {
  const proposal = await findById(deps.db, request.proposalId);
  if (!proposal || proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
  await assertMayAnswerIn(deps, context, proposal.process_id, 'assign valuators');
  const roles = await deps.services.request('processes.role.list', { processId: proposal.process_id }, context);
  if (!roles.data.some((role) => role.personId === request.personId && role.role === 'valuator')) {
    throw new DomainError('validation_failed', 'This person is no valuator of the process.', undefined, [
      { path: 'personId', message: 'holds no valuator role in this process' },
    ]);
  }
  const row = await assign(deps.db, {
    proposalId: proposal.id,
    processId: proposal.process_id,
    personId: request.personId,
    assignedBy: context.actor!.personId,
  });
  return toAssignment(row);
}
