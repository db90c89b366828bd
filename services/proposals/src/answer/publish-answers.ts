import type { ParsedRequestOf, ResponseOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { activityRecorded } from '../activity/activity-recorded';
import { assertMayAnswerIn, type StandingDeps } from '../valuation/proposal-standing';
import { publishHeldAnswers } from './answer.repository';

/** A process admin publishes every held answer of the process at once (valuators' drafts included), one event each. */
export async function publishAnswers(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answer.publishAll'>,
): Promise<ResponseOf<'proposals.answer.publishAll'>> {
  await assertMayAnswerIn(deps, context, request.processId, 'publish answers');
  const actor = context.actor!;
  return deps.db.transaction().execute(async (trx) => {
    const published = await publishHeldAnswers(trx, request.processId, actor.personId);
    for (const proposal of published) {
      await addToOutbox(
        trx,
        domainEvent(
          'proposals.answer.published',
          {
            proposalId: proposal.id,
            processId: request.processId,
            authorId: proposal.author_id,
            state: proposal.answer_state,
          },
          actor,
        ),
        activityRecorded(actor, {
          action: 'answer.published',
          resourceType: 'proposal',
          resourceId: proposal.id,
          processId: request.processId,
          details: { state: proposal.answer_state },
        }),
      );
    }
    return { published: published.length };
  });
}
