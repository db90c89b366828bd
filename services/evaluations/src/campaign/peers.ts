import { DomainError, type PeerAssignment, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { overseesAll } from './campaign-access';
import { assertMayUnassign, assertNotOwnOrganization, assertSettingUp } from './campaign.policy';
import { lockCampaign } from './campaign.repository';
import type { CampaignDeps } from './create-campaign';
import { knownPerson, rememberName } from './known-person';
import { readableSubject, subjectToRun } from './subjects';
import { peersOf } from './subject.repository';

/*
 * Peers (visite de pairs): people of other organisations the coordinators assign to visit a
 * subject and give their view beside its own — as a participatory guarantee system does.
 */

/**
 * Its coordinators assign a person to visit a subject, while the campaign is draft or open;
 * never a member of the subject's organisation (422 `own_organization`), and once.
 */
export async function assignPeer(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.peer.assign'>,
): Promise<PeerAssignment> {
  const { subject, campaign, access } = await subjectToRun(
    deps,
    context,
    request.subjectId,
    request.campaignId,
    'assign peers',
  );
  assertSettingUp(campaign.status, 'peers are assigned');
  const person = await knownPerson(deps.services, context, request);
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockCampaign(trx, campaign.id))!;
    assertSettingUp(current.status, 'peers are assigned');
    const member = await trx
      .selectFrom('organization_members')
      .select('person_id')
      .where('organization_id', '=', subject.organization_id)
      .where('person_id', '=', person.personId)
      .executeTakeFirst();
    assertNotOwnOrganization(!!member);
    const added = await trx
      .insertInto('peer_assignments')
      .values({ subject_id: subject.id, person_id: person.personId, assigned_by: access.actor!.personId })
      .onConflict((oc) => oc.columns(['subject_id', 'person_id']).doNothing())
      .returning('assigned_at')
      .executeTakeFirst();
    if (!added) throw new DomainError('conflict', 'This person is already a peer of this subject.');
    await rememberName(trx, person);
    return (await peersOf(trx, [subject.id])).find((p) => p.personId === person.personId)!;
  });
}

/**
 * Its coordinators take a peer off a subject while the campaign is draft or open, with their
 * draft assessment; not once they submitted it (409 `assessment_submitted`).
 */
export async function unassignPeer(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.peer.unassign'>,
): Promise<{ removed: boolean }> {
  const { subject, campaign } = await subjectToRun(
    deps,
    context,
    request.subjectId,
    request.campaignId,
    'unassign peers',
  );
  assertSettingUp(campaign.status, 'peers are unassigned');
  return deps.db.transaction().execute(async (trx) => {
    const current = (await lockCampaign(trx, campaign.id))!;
    assertSettingUp(current.status, 'peers are unassigned');
    const assessment = await trx
      .selectFrom('assessments')
      .select(['id', 'status'])
      .where('subject_id', '=', subject.id)
      .where('kind', '=', 'peer')
      .where('author_id', '=', request.personId)
      .forUpdate()
      .executeTakeFirst();
    assertMayUnassign(assessment?.status);
    const result = await trx
      .deleteFrom('peer_assignments')
      .where('subject_id', '=', subject.id)
      .where('person_id', '=', request.personId)
      .executeTakeFirst();
    if (assessment) await trx.deleteFrom('assessments').where('id', '=', assessment.id).execute();
    return { removed: result.numDeletedRows > 0n };
  });
}

/** A subject's peers: told to those who oversee the campaign and to the subject's members. */
export async function listPeers(
  deps: CampaignDeps,
  context: CallContext,
  request: ParsedRequestOf<'evaluations.peer.list'>,
): Promise<{ data: PeerAssignment[] }> {
  const { subject, access } = await readableSubject(deps, context, request.subjectId, request.campaignId);
  if (!overseesAll(access) && !access.isMember) {
    throw new DomainError('forbidden', 'Only the coordinators, the committee and the subject’s members see its peers.');
  }
  return { data: await peersOf(deps.db, [subject.id]) };
}
