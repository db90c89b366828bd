import type { Actor, Page, ProgressAction } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/** Progress plans (démarche de progrès): subjects' improvement actions after a campaign's review. */
@Controller('api/v1/progress-plans')
export class ProgressPlansController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The actions the caller may read, filtered by organisation, lineage, campaign, status. */
  @Get()
  list(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<ProgressAction>> {
    return forward(this.services, request, 'evaluations.progressAction.list', query);
  }

  /** A retry with the same `Idempotency-Key` answers the first action. */
  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProgressAction> {
    const action = await forward(
      this.services,
      request,
      'evaluations.progressAction.create',
      objectBody(body),
      idempotencyKeyOf(request),
    );
    response.location(`/api/v1/progress-plans/${action.id}`);
    return action;
  }

  @Get(':id')
  get(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<ProgressAction> {
    return forward(this.services, request, 'evaluations.progressAction.get', { id });
  }

  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<ProgressAction> {
    return forward(this.services, request, 'evaluations.progressAction.update', { ...objectBody(body), id });
  }
}
