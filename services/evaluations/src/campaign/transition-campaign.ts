import type { Campaign, ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { campaignToRun } from './campaign-access';
import { assertOpensWithSubjects, assertTransition } from './campaign.policy';
import { campaignNow, lockCampaign, subjectsCountOf, updateCampaignRow } from './campaign.repository';
import type { CampaignDeps } from './create-campaign';

const stamp = { open: 'opened_at', review: 'review_at', closed: 'closed_at' } as const;

/**
 * Its coordinators move a campaign one state forward: draft → open (with a subject at least) →
 * review → closed, stamped and announced (`evaluations.campaign.stateChanged`) in the same
 * transaction. Closing drops where stakeholders' responses came from: it was kept only against
 * stuffing while responses were taken.
 */
export async function transitionCampaign(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.campaign.transition'>,
): Promise<Campaign> {
  const { campaign, access } = await campaignToRun(deps.db, context.actor, request.id, 'move a campaign on');
  const actor = access.actor!;
  assertTransition(campaign.status, request.to);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockCampaign(trx, campaign.id))!;
    assertTransition(current.status, request.to);
    if (request.to === 'open') assertOpensWithSubjects(await subjectsCountOf(trx, current.id));
    await updateCampaignRow(trx, current.id, { status: request.to, [stamp[request.to]]: new Date() });
    if (request.to === 'closed') {
      await trx
        .updateTable('stakeholder_responses')
        .set({ source_key: null })
        .where('campaign_id', '=', current.id)
        .execute();
    }
    await addToOutbox(
      trx,
      domainEvent(
        'evaluations.campaign.stateChanged',
        { campaignId: current.id, status: request.to, lineageId: current.lineage_id },
        actor,
      ),
    );
    return campaignNow(trx, current.id, actor.personId);
  });
}
