import type { Actor, MySupports, Support } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1')
export class SupportsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** Supports a proposal; a retry with the same `Idempotency-Key` answers the first support. */
  @Post('proposals/:id/supports')
  @HttpCode(201)
  async give(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Support> {
    const idempotencyKey = idempotencyKeyOf(request);
    const support = await forward(
      this.services,
      request,
      'proposals.support.give',
      { ...objectBody(body), proposalId },
      idempotencyKey,
    );
    response.location(`/api/v1/proposals/${proposalId}/supports`);
    return support;
  }

  /** Takes the caller's support back; 204 also when they were not supporting the proposal. */
  @Delete('proposals/:id/supports')
  @HttpCode(204)
  async withdraw(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'proposals.support.withdraw', { proposalId });
  }

  @Get('processes/:id/supports/mine')
  mine(@SignedIn() _actor: Actor, @Param('id') processId: string, @Req() request: GatewayRequest): Promise<MySupports> {
    return forward(this.services, request, 'proposals.support.mine', { processId });
  }
}
