import type { Actor, Endorsement, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/proposals/:id/endorsements')
export class EndorsementsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** Public: who endorses the proposal. */
  @Get()
  list(
    @Param('id') proposalId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Endorsement>> {
    return forward(this.services, request, 'proposals.endorsement.list', { ...query, proposalId });
  }

  @Post()
  @HttpCode(201)
  create(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Endorsement> {
    return forward(this.services, request, 'proposals.endorsement.create', { ...objectBody(body), proposalId });
  }

  /** Takes back the caller's endorsement: as themself, or `?organizationId=` for an organisation's. */
  @Delete()
  @HttpCode(204)
  async delete(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'proposals.endorsement.delete', { ...query, proposalId });
  }
}
