import type { Actor, Debate, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1')
export class DebatesController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The debates of a process the caller may see (404 otherwise). */
  @Get('processes/:idOrSlug/debates')
  async list(
    @Param('idOrSlug') idOrSlug: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Debate>> {
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    return forward(this.services, request, 'debates.debate.list', { ...query, processId: process.id });
  }

  /** Opens a debate (`official: true` for the process's admins); a retry with the same `Idempotency-Key` answers the first. */
  @Post('processes/:idOrSlug/debates')
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Param('idOrSlug') idOrSlug: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Debate> {
    const idempotencyKey = idempotencyKeyOf(request);
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    const debate = await forward(
      this.services,
      request,
      'debates.debate.create',
      { ...objectBody(body), processId: process.id },
      idempotencyKey,
    );
    response.location(`/api/v1/debates/${debate.id}`);
    return debate;
  }

  @Get('debates/:id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Debate> {
    return forward(this.services, request, 'debates.debate.get', { id });
  }

  @Patch('debates/:id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Debate> {
    return forward(this.services, request, 'debates.debate.update', { ...objectBody(body), id });
  }

  @Post('debates/:id/close')
  @HttpCode(200)
  close(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Debate> {
    return forward(this.services, request, 'debates.debate.close', { ...objectBody(body), id });
  }

  @Post('debates/:id/reopen')
  @HttpCode(200)
  reopen(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Debate> {
    return forward(this.services, request, 'debates.debate.reopen', { id });
  }
}
