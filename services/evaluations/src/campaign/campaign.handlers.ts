import type { Campaign, CampaignPerson, Page, ParsedRequestOf, PeerAssignment, Subject } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { addCampaignPerson, listCampaignPeople, removeCampaignPerson } from './campaign-people';
import { createCampaign, type CampaignDeps } from './create-campaign';
import { assignPeer, listPeers, unassignPeer } from './peers';
import { getCampaign, listCampaigns } from './read-campaigns';
import { addSubject, consentSubject, getSubject, listSubjects, removeSubject } from './subjects';
import { transitionCampaign } from './transition-campaign';
import { updateCampaign } from './update-campaign';

/** Campaigns (campagnes): their lifecycle, their people (coordinators, commission mixte), subjects and peers. */
@Controller()
export class CampaignHandlers {
  private readonly deps: CampaignDeps;

  constructor(@Inject(DATABASE) db: Kysely<EvaluationsDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services };
  }

  @Handles('evaluations.campaign.create')
  create(body: ParsedRequestOf<'evaluations.campaign.create'>, context: RequestContext): Promise<Campaign> {
    return createCampaign(this.deps, context, body);
  }

  @Handles('evaluations.campaign.list')
  list(query: ParsedRequestOf<'evaluations.campaign.list'>, context: RequestContext): Promise<Page<Campaign>> {
    return listCampaigns(this.deps, context, query);
  }

  @Handles('evaluations.campaign.get')
  get(body: ParsedRequestOf<'evaluations.campaign.get'>, context: RequestContext): Promise<Campaign> {
    return getCampaign(this.deps, context, body);
  }

  @Handles('evaluations.campaign.update')
  update(body: ParsedRequestOf<'evaluations.campaign.update'>, context: RequestContext): Promise<Campaign> {
    return updateCampaign(this.deps, context, body);
  }

  @Handles('evaluations.campaign.transition')
  transition(body: ParsedRequestOf<'evaluations.campaign.transition'>, context: RequestContext): Promise<Campaign> {
    return transitionCampaign(this.deps, context, body);
  }

  @Handles('evaluations.campaignPerson.list')
  people(
    body: ParsedRequestOf<'evaluations.campaignPerson.list'>,
    context: RequestContext,
  ): Promise<{ data: CampaignPerson[] }> {
    return listCampaignPeople(this.deps, context, body);
  }

  @Handles('evaluations.campaignPerson.add')
  addPerson(body: ParsedRequestOf<'evaluations.campaignPerson.add'>, context: RequestContext): Promise<CampaignPerson> {
    return addCampaignPerson(this.deps, context, body);
  }

  @Handles('evaluations.campaignPerson.remove')
  removePerson(
    body: ParsedRequestOf<'evaluations.campaignPerson.remove'>,
    context: RequestContext,
  ): Promise<{ removed: boolean }> {
    return removeCampaignPerson(this.deps, context, body);
  }

  @Handles('evaluations.subject.add')
  addSubject(body: ParsedRequestOf<'evaluations.subject.add'>, context: RequestContext): Promise<Subject> {
    return addSubject(this.deps, context, body);
  }

  @Handles('evaluations.subject.remove')
  removeSubject(
    body: ParsedRequestOf<'evaluations.subject.remove'>,
    context: RequestContext,
  ): Promise<{ removed: boolean }> {
    return removeSubject(this.deps, context, body);
  }

  @Handles('evaluations.subject.list')
  subjects(query: ParsedRequestOf<'evaluations.subject.list'>, context: RequestContext): Promise<Page<Subject>> {
    return listSubjects(this.deps, context, query);
  }

  @Handles('evaluations.subject.get')
  subject(body: ParsedRequestOf<'evaluations.subject.get'>, context: RequestContext): Promise<Subject> {
    return getSubject(this.deps, context, body);
  }

  @Handles('evaluations.subject.consent')
  consent(body: ParsedRequestOf<'evaluations.subject.consent'>, context: RequestContext): Promise<Subject> {
    return consentSubject(this.deps, context, body);
  }

  @Handles('evaluations.peer.assign')
  assignPeer(body: ParsedRequestOf<'evaluations.peer.assign'>, context: RequestContext): Promise<PeerAssignment> {
    return assignPeer(this.deps, context, body);
  }

  @Handles('evaluations.peer.unassign')
  unassignPeer(
    body: ParsedRequestOf<'evaluations.peer.unassign'>,
    context: RequestContext,
  ): Promise<{ removed: boolean }> {
    return unassignPeer(this.deps, context, body);
  }

  @Handles('evaluations.peer.list')
  peers(body: ParsedRequestOf<'evaluations.peer.list'>, context: RequestContext): Promise<{ data: PeerAssignment[] }> {
    return listPeers(this.deps, context, body);
  }
}
