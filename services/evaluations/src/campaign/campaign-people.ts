import { DomainError, type CampaignPerson, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { campaignFor, campaignToRun, subjectTiesOf, takesPart } from './campaign-access';
import { assertKeepsACoordinator, assertNotClosed } from './campaign.policy';
import { lockCampaign, peopleOf } from './campaign.repository';
import type { CampaignDeps } from './create-campaign';
import { knownPerson, rememberName } from './known-person';

/** Who runs a campaign and sits on its committee: told to everyone taking part in it. */
export async function listCampaignPeople(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.campaignPerson.list'>,
): Promise<{ data: CampaignPerson[] }> {
  if (!context.actor) throw new DomainError('unauthenticated', 'Sign in to see who runs a campaign.');
  const { campaign, access } = await campaignFor(deps.db, context.actor, request.campaignId);
  if (!takesPart(access, await subjectTiesOf(deps.db, campaign.id, context.actor))) {
    throw new DomainError('forbidden', 'Only the people taking part in a campaign see who runs it.');
  }
  return { data: await peopleOf(deps.db, campaign.id) };
}

/** Its coordinators name a coordinator or a committee member (commission mixte), who must have an account. */
export async function addCampaignPerson(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.campaignPerson.add'>,
): Promise<CampaignPerson> {
  const { campaign, access } = await campaignToRun(deps.db, context.actor, request.campaignId, 'name its people');
  assertNotClosed(campaign.status);
  const person = await knownPerson(deps.services, context, request);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockCampaign(trx, campaign.id))!;
    assertNotClosed(current.status);
    const added = await trx
      .insertInto('campaign_people')
      .values({
        campaign_id: current.id,
        person_id: person.personId,
        role: request.role,
        added_by: access.actor!.personId,
      })
      .onConflict((oc) => oc.columns(['campaign_id', 'person_id', 'role']).doNothing())
      .returning('added_at')
      .executeTakeFirst();
    if (!added) {
      throw new DomainError(
        'conflict',
        `This person is already ${request.role === 'coordinator' ? 'a coordinator' : 'on the committee'} of this campaign.`,
      );
    }
    await rememberName(trx, person);
    return (await peopleOf(trx, current.id)).find((p) => p.personId === person.personId && p.role === request.role)!;
  });
}

/** Its coordinators take a role back; a campaign keeps a coordinator at least. */
export async function removeCampaignPerson(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.campaignPerson.remove'>,
): Promise<{ removed: boolean }> {
  const { campaign } = await campaignToRun(deps.db, context.actor, request.campaignId, 'name its people');
  assertNotClosed(campaign.status);
  return deps.db.transaction().execute(async (trx) => {
    // Locked: two coordinators removing each other at once leave one of them.
    const current = (await lockCampaign(trx, campaign.id))!;
    assertNotClosed(current.status);
    const named = await trx
      .selectFrom('campaign_people')
      .select(['person_id', 'role'])
      .where('campaign_id', '=', current.id)
      .execute();
    const held = named.some((p) => p.person_id === request.personId && p.role === request.role);
    if (!held) return { removed: false };
    const coordinatorsLeft = named.filter((p) => p.role === 'coordinator' && p.person_id !== request.personId).length;
    assertKeepsACoordinator(request.role, coordinatorsLeft);
    await trx
      .deleteFrom('campaign_people')
      .where('campaign_id', '=', current.id)
      .where('person_id', '=', request.personId)
      .where('role', '=', request.role)
      .execute();
    return { removed: true };
  });
}
