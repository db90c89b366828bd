import type { Actor, Membership, Organization, OrganizationMap, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

export const GEOJSON = 'application/geo+json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('api/v1/organizations')
export class OrganizationsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** A page of organisations, or with `Accept: application/geo+json` the map of verified ones. */
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Page<Organization> | OrganizationMap> {
    if (request.accepts(['application/json', GEOJSON]) === GEOJSON) {
      const map = await forward(this.services, request, 'members.organization.map', query);
      response.type(GEOJSON);
      return map;
    }
    return forward(this.services, request, 'members.organization.list', query);
  }

  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Organization> {
    const organization = await forward(this.services, request, 'members.organization.create', objectBody(body));
    response.location(`/api/v1/organizations/${organization.id}`);
    return organization;
  }

  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string, @Req() request: GatewayRequest): Promise<Organization> {
    return forward(this.services, request, 'members.organization.get', { idOrSlug });
  }

  @Patch(':idOrSlug')
  async update(
    @SignedIn() _actor: Actor,
    @Param('idOrSlug') idOrSlug: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Organization> {
    const changes = objectBody(body);
    const id = await this.idOf(idOrSlug, request);
    return forward(this.services, request, 'members.organization.update', { ...changes, id });
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Organization> {
    return forward(this.services, request, 'members.organization.verify', { id });
  }

  /** Active members for everyone who may see the organisation; its admins also see pending ones. */
  @Get(':idOrSlug/members')
  async members(
    @Param('idOrSlug') idOrSlug: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Membership>> {
    const organizationId = await this.idOf(idOrSlug, request);
    return forward(this.services, request, 'members.membership.listForOrganization', { ...query, organizationId });
  }

  @Post(':id/invitations')
  @HttpCode(201)
  invite(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Membership> {
    return forward(this.services, request, 'members.membership.invite', { ...objectBody(body), organizationId: id });
  }

  @Post(':id/join-requests')
  @HttpCode(201)
  requestToJoin(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Req() request: GatewayRequest,
  ): Promise<Membership> {
    return forward(this.services, request, 'members.membership.request', { organizationId: id });
  }

  /** The organisation's id, looking a slug up (which also answers 404 for what the caller may not see). */
  private async idOf(idOrSlug: string, request: GatewayRequest): Promise<string> {
    if (UUID.test(idOrSlug)) return idOrSlug;
    return (await forward(this.services, request, 'members.organization.get', { idOrSlug })).id;
  }
}
