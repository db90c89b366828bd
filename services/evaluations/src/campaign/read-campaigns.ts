import { hasRealmRole, type Campaign, type Page, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { campaignFor } from './campaign-access';
import { campaignNow, listCampaignRows, toCampaign } from './campaign.repository';
import type { CampaignDeps } from './create-campaign';

/** A campaign: any but a draft for anyone; a draft for its coordinators and platform admins. */
export async function getCampaign(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.campaign.get'>,
): Promise<Campaign> {
  const { campaign } = await campaignFor(deps.db, context.actor, request.id);
  return campaignNow(deps.db, campaign.id, context.actor?.personId ?? null);
}

/** A page of the campaigns the caller may see; `mine`: only those they have a role in. */
export async function listCampaigns(
  deps: CampaignDeps,
  context: CallContext,
  query: ParsedRequestOf<'evaluations.campaign.list'>,
): Promise<Page<Campaign>> {
  const { rows, total } = await listCampaignRows(
    deps.db,
    {
      everything: hasRealmRole(context.actor, 'admin'),
      readerId: context.actor?.personId ?? null,
      ...(query.status ? { status: query.status } : {}),
      ...(query.mine ? { mine: true } : {}),
    },
    query,
  );
  return { data: rows.map(toCampaign), meta: { total, page: query.page, perPage: query.perPage } };
}
