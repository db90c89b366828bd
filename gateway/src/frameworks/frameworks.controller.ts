import type { Actor, Framework, FrameworkSummary, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/** Frameworks (référentiels): their versions, each with its tree, and their lifecycle. */
@Controller('api/v1/frameworks')
export class FrameworksController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** Adopted versions for anyone; drafts too for their editors and platform admins. */
  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<FrameworkSummary>> {
    return forward(this.services, request, 'evaluations.framework.list', query);
  }

  /** Platform admins: version 1 of a new framework, a draft; a retry with the same `Idempotency-Key` answers the first. */
  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Framework> {
    const framework = await forward(
      this.services,
      request,
      'evaluations.framework.create',
      objectBody(body),
      idempotencyKeyOf(request),
    );
    response.location(`/api/v1/frameworks/${framework.id}`);
    return framework;
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Framework> {
    return forward(this.services, request, 'evaluations.framework.get', { id });
  }

  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Framework> {
    return forward(this.services, request, 'evaluations.framework.update', { ...objectBody(body), id });
  }

  @Post(':id/adopt')
  @HttpCode(200)
  adopt(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Framework> {
    return forward(this.services, request, 'evaluations.framework.adopt', { id });
  }

  /** The lineage: every version the caller may read, newest first unless `sort=version`. */
  @Get(':id/versions')
  versions(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<FrameworkSummary>> {
    return forward(this.services, request, 'evaluations.framework.versions', { ...query, id });
  }

  /** The next version of the lineage, a draft copied from this adopted one. */
  @Post(':id/versions')
  @HttpCode(201)
  async startVersion(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Framework> {
    const framework = await forward(this.services, request, 'evaluations.framework.startVersion', { id });
    response.location(`/api/v1/frameworks/${framework.id}`);
    return framework;
  }
}
