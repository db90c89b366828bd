import type { ParsedRequestOf, Proposal } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { participationInForce } from '@convergences/read-models';
import { activityRecorded } from '../activity/activity-recorded';
import { findById, toProposal } from '../proposal/proposal.repository';
import { proposalStanding, type StandingDeps } from '../valuation/proposal-standing';
import { assertAnswerable, assertValidAnswer, assertValuatorMayDraft, publishesAtOnce } from './answer.policy';
import { customStateKeys, lockProposalsToAnswer, saveAnswer } from './answer.repository';

/**
 * A process admin answers a proposal: shown at once when they say so or the active phase publishes
 * answers, held otherwise. A valuator in charge of the proposal drafts a held answer an admin
 * publishes. Answering again replaces the answer.
 */
export async function answerProposal(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answer.give'>,
): Promise<Proposal> {
  const { proposal, standing } = await proposalStanding(deps, context, request.proposalId, 'answer proposals');
  const actor = context.actor!;
  const participation = await participationInForce(deps.db, deps.services, proposal.process_id, context);
  return deps.db.transaction().execute(async (trx) => {
    const locked = (await lockProposalsToAnswer(trx, [proposal.id])).get(proposal.id);
    assertAnswerable(locked);
    assertValuatorMayDraft(standing, locked, request.publish);
    const customStates = await customStateKeys(trx, proposal.process_id, true);
    assertValidAnswer(request, customStates, participation.settings.answersWithCosts);
    const publish = publishesAtOnce(standing, request.publish, participation);
    await saveAnswer(trx, proposal.id, {
      state: request.state,
      body: request.body,
      costCents: request.costCents,
      costReport: request.costReport,
      executionPeriod: request.executionPeriod,
      answeredBy: actor.personId,
      publishedBy: publish ? actor.personId : null,
    });
    if (publish) {
      await addToOutbox(
        trx,
        domainEvent(
          'proposals.answer.published',
          { proposalId: proposal.id, processId: proposal.process_id, authorId: locked.authorId, state: request.state },
          actor,
        ),
        activityRecorded(actor, {
          action: 'answer.published',
          resourceType: 'proposal',
          resourceId: proposal.id,
          processId: proposal.process_id,
          details: { state: request.state },
        }),
      );
    }
    return toProposal((await findById(trx, proposal.id))!, { withHeldAnswer: true });
  });
}
