import {
  type Actor,
  type Page,
  type PermissionDecision,
  type Phase,
  type Process,
  type Proposal,
  type ResponseOf,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { proposalMap, wantsGeoJson } from '../proposals/proposal-map.response';
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

  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Process> {
    return forward(this.services, request, 'processes.process.update', { ...objectBody(body), id });
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Process> {
    return forward(this.services, request, 'processes.process.publish', { id });
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Process> {
    return forward(this.services, request, 'processes.process.close', { id });
  }

  @Post(':id/copy')
  @HttpCode(201)
  async copy(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Process> {
    const copy = await forward(this.services, request, 'processes.process.copy', { ...objectBody(body), id });
    response.location(`/api/v1/processes/${copy.id}`);
    return copy;
  }

  /** May the caller do this in the process now? Always 200: a refusal carries its reason for the front end to explain. */
  @Get(':id/permissions/:action')
  permission(
    @Param('id') processId: string,
    @Param('action') action: string,
    @Req() request: GatewayRequest,
  ): Promise<PermissionDecision> {
    return forward(this.services, request, 'processes.permission.check', { processId, action });
  }

  @Get(':id/phases')
  phases(@Param('id') processId: string, @Req() request: GatewayRequest): Promise<ResponseOf<'processes.phase.list'>> {
    return forward(this.services, request, 'processes.phase.list', { processId });
  }

  @Post(':id/phases')
  @HttpCode(201)
  async addPhase(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Phase> {
    const phase = await forward(this.services, request, 'processes.phase.create', { ...objectBody(body), processId });
    response.location(`/api/v1/processes/${processId}/phases/${phase.id}`);
    return phase;
  }

  @Patch(':id/phases/:phaseId')
  updatePhase(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('phaseId') phaseId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Phase> {
    return forward(this.services, request, 'processes.phase.update', { ...objectBody(body), processId, phaseId });
  }

  @Delete(':id/phases/:phaseId')
  @HttpCode(204)
  async deletePhase(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('phaseId') phaseId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'processes.phase.delete', { processId, phaseId });
  }

  @Post(':id/phases/:phaseId/activate')
  @HttpCode(200)
  activatePhase(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('phaseId') phaseId: string,
    @Req() request: GatewayRequest,
  ): Promise<Phase> {
    return forward(this.services, request, 'processes.phase.activate', { processId, phaseId });
  }

  /** The proposals of a process the caller may see (404 otherwise); with `Accept: application/geo+json`, their map. */
  @Get(':idOrSlug/proposals')
  async proposals(
    @Param('idOrSlug') idOrSlug: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Proposal> | StreamableFile> {
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    if (wantsGeoJson(request)) return proposalMap(this.services, request, { ...query, processId: process.id });
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
