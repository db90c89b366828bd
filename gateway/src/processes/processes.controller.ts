import type { Actor, Page, Process, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/processes')
export class ProcessesController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<Process>> {
    return forward(this.services, request, 'processes.process.list', query);
  }

  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Process> {
    const process = await forward(this.services, request, 'processes.process.create', objectBody(body));
    response.location(`/api/v1/processes/${process.id}`);
    return process;
  }

  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string, @Req() request: GatewayRequest): Promise<Process> {
    return forward(this.services, request, 'processes.process.get', { idOrSlug });
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Process> {
    return forward(this.services, request, 'processes.process.publish', { id });
  }

  /** The proposals of a process the caller may see (404 otherwise). */
  @Get(':idOrSlug/proposals')
  async proposals(
    @Param('idOrSlug') idOrSlug: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Proposal>> {
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    return forward(this.services, request, 'proposals.proposal.list', { ...query, processId: process.id });
  }

  @Post(':idOrSlug/proposals')
  @HttpCode(201)
  async propose(
    @SignedIn() _actor: Actor,
    @Param('idOrSlug') idOrSlug: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Proposal> {
    const idempotencyKey = idempotencyKeyOf(request);
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    const proposal = await forward(
      this.services,
      request,
      'proposals.proposal.create',
      { ...objectBody(body), processId: process.id },
      idempotencyKey,
    );
    response.location(`/api/v1/proposals/${proposal.id}`);
    return proposal;
  }
}
