import { assertAllowed, type Page, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertSignedIn } from '../answer/answer.policy';
import { toProposal } from '../proposal/proposal.repository';
import type { StandingDeps } from './proposal-standing';
import { assignedProposals } from './valuation.repository';

/** The proposals of a process the calling valuator is in charge of, answers held included. */
export async function listMyValuations(
  deps: StandingDeps,
  context: CallContext,
  query: ParsedRequestOf<'proposals.valuation.mine'>,
): Promise<Page<Proposal>> {
  assertSignedIn(context.actor, 'see your valuations');
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: query.processId, action: 'valuate' },
      context,
    ),
  );
  const { rows, total } = await assignedProposals(deps.db, context.actor.personId, query);
  return {
    data: rows.map((row) => toProposal(row, { withHeldAnswer: true })),
    meta: { total, page: query.page, perPage: query.perPage },
  };
}
