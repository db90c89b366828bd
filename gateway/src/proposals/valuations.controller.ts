import type { Actor, Page, Proposal, Valuation, ValuationNote, ValuatorAssignment } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/** Valuators: who is in charge of which proposal, what they see of it, their private notes. */
@Controller('api/v1')
export class ValuationsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** Across processes: where the caller holds the valuator role now (`processId=` narrows it to one). */
  @Get('valuations/mine')
  mineEverywhere(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Proposal>> {
    return forward(this.services, request, 'proposals.valuation.mine', query);
  }

  @Get('processes/:id/valuations/mine')
  mine(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Proposal>> {
    return forward(this.services, request, 'proposals.valuation.mine', { ...query, processId });
  }

  @Get('proposals/:id/valuation')
  valuation(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Req() request: GatewayRequest,
  ): Promise<Valuation> {
    return forward(this.services, request, 'proposals.valuation.get', { proposalId });
  }

  @Post('proposals/:id/valuators')
  @HttpCode(201)
  assign(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<ValuatorAssignment> {
    return forward(this.services, request, 'proposals.valuator.assign', { ...objectBody(body), proposalId });
  }

  /** 204 also when the person was not in charge of it. */
  @Delete('proposals/:id/valuators/:personId')
  @HttpCode(204)
  async unassign(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Param('personId') personId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'proposals.valuator.unassign', { proposalId, personId });
  }

  @Post('proposals/:id/notes')
  @HttpCode(201)
  addNote(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<ValuationNote> {
    return forward(this.services, request, 'proposals.valuation.addNote', { ...objectBody(body), proposalId });
  }
}
