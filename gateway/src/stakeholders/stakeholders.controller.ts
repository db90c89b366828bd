import {
  DomainError,
  messages,
  parseOrFail,
  type RequestOf,
  type StakeholderQuestionnaire,
  type StakeholderReceipt,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import type { Response } from 'express';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { clientIp } from '../rate-limit/rate-limit.guard';
import { SERVICES } from '../tokens';

/** How many responses one address may post a minute, before the service's own daily limits. */
export const STAKEHOLDER_RESPONSES_PER_MINUTE = 10;

/**
 * Stakeholders' voices (regards des parties prenantes): the public questionnaire of an open
 * campaign and its anonymous responses.
 */
@Controller('api/v1/campaigns/:id/stakeholder-questionnaire')
export class StakeholdersController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** Without `subjectId`, the subjects to choose from; with it, the questions about that subject. */
  @Get()
  questionnaire(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<StakeholderQuestionnaire> {
    return forward(this.services, request, 'evaluations.stakeholder.questionnaire', { ...query, campaignId: id });
  }

  /**
   * An anonymous response, signed in or not: the service hears neither who sends it (no actor
   * goes with it) nor their address (only `source`, set here whatever the body said, which it
   * keeps as a keyed hash for its limits).
   */
  @Post('responses')
  @HttpCode(201)
  @Throttle({ ip: { limit: STAKEHOLDER_RESPONSES_PER_MINUTE, ttl: 60_000 } })
  async respond(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StakeholderReceipt> {
    const pattern = 'evaluations.stakeholder.respond';
    const input = { ...objectBody(body), campaignId: id, source: clientIp(request) };
    const parsed = parseOrFail(messages[pattern].request, input, 'request') as RequestOf<typeof pattern>;
    try {
      return await this.services.request(pattern, parsed, { actor: null, requestId: request.id });
    } catch (error) {
      const retryAfter = error instanceof DomainError ? error.details?.retryAfterSeconds : undefined;
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', retryAfter);
      throw error;
    }
  }
}
