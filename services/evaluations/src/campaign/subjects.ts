import { DomainError, type Page, type ParsedRequestOf, type Subject } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import { assertNoFieldErrors } from '../framework/framework.policy';
import { campaignFor, campaignToRun, coordinates, overseesAll, subjectFor } from './campaign-access';
import { assertCampaignDraft, assertMayConsent, assertSettingUp } from './campaign.policy';
import { lockCampaign } from './campaign.repository';
import type { CampaignDeps } from './create-campaign';
import { listSubjectRows, subjectNow, toSubjects } from './subject.repository';

/** A subject the caller may read, in the campaign the REST path names (404 otherwise). */
export async function readableSubject(deps: CampaignDeps, context: CallContext, id: string, campaignId?: string) {
  const found = await subjectFor(deps.db, context.actor, id);
  if (campaignId !== undefined && found.subject.campaign_id !== campaignId) {
    throw new DomainError('not_found', 'No such subject.');
  }
  return found;
}

/** A subject its campaign's coordinators mean to change: 404 unless readable, 403 unless a coordinator. */
export async function subjectToRun(
  deps: CampaignDeps,
  context: CallContext,
  id: string,
  campaignId: string | undefined,
  doing: string,
) {
  if (!context.actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
  const found = await readableSubject(deps, context, id, campaignId);
  if (!coordinates(found.access)) throw new DomainError('forbidden', `Only the campaign's coordinators ${doing}.`);
  return found;
}

/** Its coordinators add a member organisation known here, while the campaign is draft or open; once per campaign. */
export async function addSubject(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.subject.add'>,
): Promise<Subject> {
  const { campaign, access } = await campaignToRun(deps.db, context.actor, request.campaignId, 'add subjects');
  assertSettingUp(campaign.status, 'subjects are added');
  const organization = await deps.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', request.organizationId)
    .executeTakeFirst();
  if (!organization) {
    assertNoFieldErrors([{ path: 'organizationId', message: 'No such organisation.' }], 'subject');
  }
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockCampaign(trx, campaign.id))!;
    assertSettingUp(current.status, 'subjects are added');
    const id = uuidv7();
    const added = await trx
      .insertInto('campaign_subjects')
      .values({
        id,
        campaign_id: current.id,
        organization_id: organization!.id,
        name: organization!.name,
        added_by: access.actor!.personId,
      })
      .onConflict((oc) => oc.columns(['campaign_id', 'organization_id']).doNothing())
      .returning('added_at')
      .executeTakeFirst();
    if (!added) {
      throw new DomainError('conflict', 'This organisation is already a subject of this campaign.');
    }
    return subjectNow(trx, id, access);
  });
}

/** Its coordinators take a subject out while the campaign is a draft, with its peers. */
export async function removeSubject(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.subject.remove'>,
): Promise<{ removed: boolean }> {
  const { subject, campaign } = await subjectToRun(deps, context, request.id, request.campaignId, 'remove subjects');
  assertCampaignDraft(campaign.status, 'subjects are removed');
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockCampaign(trx, campaign.id))!;
    assertCampaignDraft(current.status, 'subjects are removed');
    const result = await trx.deleteFrom('campaign_subjects').where('id', '=', subject.id).executeTakeFirst();
    return { removed: result.numDeletedRows > 0n };
  });
}

/** The subjects the caller may read: everyone's to those who oversee, one's own and one's visits otherwise. */
export async function listSubjects(
  deps: CampaignDeps,
  context: CallContext,
  query: ParsedRequestOf<'evaluations.subject.list'>,
): Promise<Page<Subject>> {
  const { campaign, access } = await campaignFor(deps.db, context.actor, query.campaignId);
  const { rows, total } = await listSubjectRows(
    deps.db,
    campaign.id,
    context.actor?.personId ?? null,
    overseesAll(access),
    query,
  );
  return {
    data: await toSubjects(deps.db, rows, access),
    meta: { total, page: query.page, perPage: query.perPage },
  };
}

export async function getSubject(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.subject.get'>,
): Promise<Subject> {
  const { subject, access } = await readableSubject(deps, context, request.id, request.campaignId);
  return subjectNow(deps.db, subject.id, access);
}

/**
 * Whether the subject is named in the campaign's results and open data: its organisation's admins
 * say so (or the coordinators, on its word), at any time — withdrawing it too.
 */
export async function consentSubject(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.subject.consent'>,
): Promise<Subject> {
  if (!context.actor) throw new DomainError('unauthenticated', 'Sign in to answer for an organisation.');
  const { subject, access } = await readableSubject(deps, context, request.id, request.campaignId);
  const organizationAdmin = await deps.db
    .selectFrom('organization_members')
    .select('person_id')
    .where('organization_id', '=', subject.organization_id)
    .where('person_id', '=', context.actor.personId)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  assertMayConsent(access, !!organizationAdmin);
  await deps.db
    .updateTable('campaign_subjects')
    .set({ shown_in_results: request.shownInResults })
    .where('id', '=', subject.id)
    .execute();
  return subjectNow(deps.db, subject.id, access);
}
