import { assertAllowed, DomainError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { answererOf, assertSignedIn, type Answerer } from '../answer/answer.policy';
import type { ProposalsDatabase } from '../db/schema';
import { findById, type ProposalRow } from '../proposal/proposal.repository';
import { isAssigned } from './valuation.repository';

export interface StandingDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * A published (or withdrawn) proposal and the caller's standing on it: `admin` of its process, or
 * `valuator` in charge of it. Anybody else is refused with the process's reason or `forbidden`.
 */
export async function proposalStanding(
  deps: StandingDeps,
  context: CallContext,
  proposalId: string,
  what: string,
): Promise<{ proposal: ProposalRow; standing: Answerer }> {
  assertSignedIn(context.actor, what);
  const proposal = await findById(deps.db, proposalId);
  if (!proposal || proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
  const check = (action: 'answer_proposal' | 'valuate') =>
    deps.services.request('processes.permission.check', { processId: proposal.process_id, action }, context);
  const asAdmin = await check('answer_proposal');
  const asValuator = !asAdmin.allowed && asAdmin.reason === 'role_required' ? await check('valuate') : undefined;
  const assigned = asValuator?.allowed ? await isAssigned(deps.db, proposalId, context.actor.personId) : false;
  return { proposal, standing: answererOf(asAdmin, asValuator, assigned) };
}

/** Platform admins and the process's admins only (`answer_proposal`). */
export async function assertMayAnswerIn(
  deps: Pick<StandingDeps, 'services'>,
  context: CallContext,
  processId: string,
  what: string,
): Promise<void> {
  assertSignedIn(context.actor, what);
  const decision = await deps.services.request(
    'processes.permission.check',
    { processId, action: 'answer_proposal' },
    context,
  );
  assertAllowed(decision);
}
