import type { Actor, Assessment, AssessmentSummary, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/**
 * A campaign's assessments: the self-assessment (auto-évaluation), the peers' (regards croisés)
 * and the committee's opinion, each answering the campaign's framework criterion by criterion.
 */
@Controller('api/v1')
export class AssessmentsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The assessments of the subjects the caller reads. */
  @Get('campaigns/:id/assessments')
  list(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<AssessmentSummary>> {
    return forward(this.services, request, 'evaluations.assessment.list', { ...query, campaignId: id });
  }

  /** The caller's draft of a kind for a subject: 201 when this call created it, 200 when it was there. */
  @Post('campaigns/:id/assessments')
  async start(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Assessment> {
    const { assessment, created } = await forward(this.services, request, 'evaluations.assessment.start', {
      ...objectBody(body),
      campaignId: id,
    });
    response.status(created ? 201 : 200);
    response.location(`/api/v1/assessments/${assessment.id}`);
    return assessment;
  }

  @Get('assessments/:id')
  get(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Assessment> {
    return forward(this.services, request, 'evaluations.assessment.get', { id });
  }

  @Put('assessments/:id/answers')
  saveAnswers(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Assessment> {
    return forward(this.services, request, 'evaluations.assessment.saveAnswers', { ...objectBody(body), id });
  }

  @Post('assessments/:id/submit')
  @HttpCode(200)
  submit(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Assessment> {
    return forward(this.services, request, 'evaluations.assessment.submit', { id });
  }
}
