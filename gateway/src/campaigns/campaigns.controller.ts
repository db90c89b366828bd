import type { Actor, Campaign, CampaignPerson, Page, PeerAssignment, Subject } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/**
 * Campaigns (campagnes) of participatory evaluation: their lifecycle, their people (coordinators,
 * commission mixte), their subjects (member organisations) and the peers who visit them.
 */
@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** Non-draft campaigns for anyone; drafts for their coordinators and platform admins; `mine=true` narrows. */
  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<Campaign>> {
    return forward(this.services, request, 'evaluations.campaign.list', query);
  }

  /** Platform admins and the framework's editors; a retry with the same `Idempotency-Key` answers the first. */
  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Campaign> {
    const campaign = await forward(
      this.services,
      request,
      'evaluations.campaign.create',
      objectBody(body),
      idempotencyKeyOf(request),
    );
    response.location(`/api/v1/campaigns/${campaign.id}`);
    return campaign;
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Campaign> {
    return forward(this.services, request, 'evaluations.campaign.get', { id });
  }

  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Campaign> {
    return forward(this.services, request, 'evaluations.campaign.update', { ...objectBody(body), id });
  }

  /** One state forward: `{ to: 'open' | 'review' | 'closed' }`. */
  @Post(':id/transitions')
  @HttpCode(200)
  transition(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Campaign> {
    return forward(this.services, request, 'evaluations.campaign.transition', { ...objectBody(body), id });
  }

  @Get(':id/people')
  people(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: CampaignPerson[] }> {
    return forward(this.services, request, 'evaluations.campaignPerson.list', { campaignId });
  }

  @Post(':id/people')
  @HttpCode(201)
  async addPerson(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignPerson> {
    const person = await forward(this.services, request, 'evaluations.campaignPerson.add', {
      ...objectBody(body),
      campaignId,
    });
    response.location(`/api/v1/campaigns/${campaignId}/people/${person.personId}?role=${person.role}`);
    return person;
  }

  /** 204 also when the person did not hold that role. */
  @Delete(':id/people/:personId')
  @HttpCode(204)
  async removePerson(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Param('personId') personId: string,
    @Query('role') role: unknown,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.campaignPerson.remove', { campaignId, personId, role });
  }

  /** The subjects the caller may read (an empty page for those who may read none). */
  @Get(':id/subjects')
  subjects(
    @Param('id') campaignId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Subject>> {
    return forward(this.services, request, 'evaluations.subject.list', { ...query, campaignId });
  }

  @Post(':id/subjects')
  @HttpCode(201)
  async addSubject(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Subject> {
    const subject = await forward(this.services, request, 'evaluations.subject.add', {
      ...objectBody(body),
      campaignId,
    });
    response.location(`/api/v1/campaigns/${campaignId}/subjects/${subject.id}`);
    return subject;
  }

  @Get(':id/subjects/:subjectId')
  subject(
    @Param('id') campaignId: string,
    @Param('subjectId') id: string,
    @Req() request: GatewayRequest,
  ): Promise<Subject> {
    return forward(this.services, request, 'evaluations.subject.get', { id, campaignId });
  }

  /** The subject's consent to be named in results: `{ shownInResults }`. */
  @Patch(':id/subjects/:subjectId')
  consent(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Param('subjectId') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Subject> {
    return forward(this.services, request, 'evaluations.subject.consent', { ...objectBody(body), id, campaignId });
  }

  @Delete(':id/subjects/:subjectId')
  @HttpCode(204)
  async removeSubject(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Param('subjectId') id: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.subject.remove', { id, campaignId });
  }

  @Get(':id/subjects/:subjectId/peers')
  peers(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Param('subjectId') subjectId: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: PeerAssignment[] }> {
    return forward(this.services, request, 'evaluations.peer.list', { subjectId, campaignId });
  }

  @Post(':id/subjects/:subjectId/peers')
  @HttpCode(201)
  async assignPeer(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Param('subjectId') subjectId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PeerAssignment> {
    const peer = await forward(this.services, request, 'evaluations.peer.assign', {
      ...objectBody(body),
      subjectId,
      campaignId,
    });
    response.location(`/api/v1/campaigns/${campaignId}/subjects/${subjectId}/peers/${peer.personId}`);
    return peer;
  }

  /** 204 also when the person was not assigned; their draft assessment goes with the assignment. */
  @Delete(':id/subjects/:subjectId/peers/:personId')
  @HttpCode(204)
  async unassignPeer(
    @SignedIn() _actor: Actor,
    @Param('id') campaignId: string,
    @Param('subjectId') subjectId: string,
    @Param('personId') personId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.peer.unassign', { subjectId, personId, campaignId });
  }
}
