import type { Actor, Moderation, ModerationDetail, Page, Report } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1')
export class ModerationController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** A signed-in person reports a proposal, debate, comment or person; a retry with the same key answers the first report. */
  @Post('reports')
  @HttpCode(201)
  async report(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Report> {
    const created = await forward(
      this.services,
      request,
      'debates.report.create',
      objectBody(body),
      idempotencyKeyOf(request),
    );
    response.location(`/api/v1/moderations/${created.moderationId}`);
    return created;
  }

  /** The moderation queue of what the caller moderates. */
  @Get('moderations')
  list(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Moderation>> {
    return forward(this.services, request, 'debates.moderation.list', query);
  }

  @Get('moderations/:id')
  get(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<ModerationDetail> {
    return forward(this.services, request, 'debates.moderation.get', { id });
  }

  @Post('moderations/:id/hide')
  @HttpCode(200)
  hide(@SignedIn() _a: Actor, @Param('id') id: string, @Body() body: unknown, @Req() request: GatewayRequest) {
    return this.decide('debates.moderation.hide', id, body, request);
  }

  @Post('moderations/:id/unhide')
  @HttpCode(200)
  unhide(@SignedIn() _a: Actor, @Param('id') id: string, @Body() body: unknown, @Req() request: GatewayRequest) {
    return this.decide('debates.moderation.unhide', id, body, request);
  }

  @Post('moderations/:id/dismiss')
  @HttpCode(200)
  dismiss(@SignedIn() _a: Actor, @Param('id') id: string, @Body() body: unknown, @Req() request: GatewayRequest) {
    return this.decide('debates.moderation.dismiss', id, body, request);
  }

  private decide(
    pattern: 'debates.moderation.hide' | 'debates.moderation.unhide' | 'debates.moderation.dismiss',
    id: string,
    body: unknown,
    request: GatewayRequest,
  ): Promise<Moderation> {
    return forward(this.services, request, pattern, { ...objectBody(body), id });
  }
}
