import type { Actor, Membership, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/memberships')
export class MembershipsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Membership> {
    return forward(this.services, request, 'members.membership.get', { id });
  }

  /** The invited person accepts an invitation; an organisation admin accepts a request to join. */
  @Post(':id/accept')
  @HttpCode(200)
  accept(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Membership> {
    return forward(this.services, request, 'members.membership.accept', { id });
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Membership> {
    return forward(this.services, request, 'members.membership.decline', { id });
  }

  @Patch(':id')
  changeRole(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Membership> {
    return forward(this.services, request, 'members.membership.changeRole', { ...objectBody(body), id });
  }

  /** One's own membership is left; someone else's is removed (by an organisation admin). */
  @Delete(':id')
  @HttpCode(204)
  async end(@SignedIn() actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<void> {
    const membership = await forward(this.services, request, 'members.membership.get', { id });
    const pattern = membership.personId === actor.personId ? 'members.membership.leave' : 'members.membership.remove';
    await forward(this.services, request, pattern, { id });
  }
}

@Controller('api/v1/me/memberships')
export class MyMembershipsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The signed-in person's memberships, pending ones included. */
  @Get()
  mine(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Membership>> {
    return forward(this.services, request, 'members.membership.listMine', query);
  }
}
