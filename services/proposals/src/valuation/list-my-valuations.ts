import { assertAllowed, hasRealmRole, type Page, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertSignedIn } from '../answer/answer.policy';
import { toProposal } from '../proposal/proposal.repository';
import type { StandingDeps } from './proposal-standing';
import { assignedProposals } from './valuation.repository';
import { processesAllowedToValuate, processesWithValuatingRole } from './valuation.policy';

/**
 * The proposals assigned to the calling valuator, answers held included: in one process, or in
 * every process where they may valuate now (a role taken away takes its proposals off the list).
 */
export async function listMyValuations(
  deps: StandingDeps,
  context: CallContext,
  query: ParsedRequestOf<'proposals.valuation.mine'>,
): Promise<Page<Proposal>> {
  assertSignedIn(context.actor, 'see your valuations');
  const processIds = await processesValuatedBy(deps, context, query.processId);
  const { rows, total } = await assignedProposals(deps.db, context.actor.personId, { ...query, processIds });
  return {
    data: rows.map((row) => toProposal(row, { withHeldAnswer: true })),
    meta: { total, page: query.page, perPage: query.perPage },
  };
}

/** The processes to list from; `undefined` for platform admins, who hold every role everywhere. */
async function processesValuatedBy(
  deps: StandingDeps,
  context: CallContext,
  processId: string | undefined,
): Promise<string[] | undefined> {
  const check = (id: string) =>
    deps.services.request('processes.permission.check', { processId: id, action: 'valuate' }, context);
  if (processId) {
    assertAllowed(await check(processId));
    return [processId];
  }
  if (hasRealmRole(context.actor, 'admin')) return undefined;
  const held = await deps.services.request('processes.role.listMine', { personId: context.actor!.personId }, context);
  return processesAllowedToValuate(await Promise.all(processesWithValuatingRole(held.data).map(check)));
}
