import type {
  Actor,
  FrameworkValuation,
  ProcessValuationFramework,
  ValuationFrameworkChoice,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/**
 * Valuations of proposals with a framework: the framework a process's valuators use, and each
 * valuator's valuation of the proposals assigned to them. Kept apart from `/assessments` (campaigns).
 */
@Controller('api/v1')
export class FrameworkValuationsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** For whoever sees the process: the criteria valuators use are no secret. */
  @Get('processes/:id/valuation-framework')
  framework(@Param('id') processId: string, @Req() request: GatewayRequest): Promise<ProcessValuationFramework> {
    return forward(this.services, request, 'evaluations.valuationFramework.get', { processId });
  }

  @Put('processes/:id/valuation-framework')
  chooseFramework(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<ValuationFrameworkChoice> {
    return forward(this.services, request, 'evaluations.valuationFramework.set', { ...objectBody(body), processId });
  }

  /** Every valuator's valuation for the process's admins; the caller's own for a valuator. */
  @Get('proposals/:id/valuations')
  list(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: FrameworkValuation[] }> {
    return forward(this.services, request, 'evaluations.valuation.list', { proposalId });
  }

  /** The caller's draft valuation of a proposal assigned to them: 201 when this call created it, 200 when it was there. */
  @Post('proposals/:id/valuations')
  async start(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FrameworkValuation> {
    const { valuation, created } = await forward(this.services, request, 'evaluations.valuation.start', {
      proposalId,
    });
    response.status(created ? 201 : 200);
    response.location(`/api/v1/proposal-valuations/${valuation.id}`);
    return valuation;
  }

  @Get('proposal-valuations/:id')
  get(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<FrameworkValuation> {
    return forward(this.services, request, 'evaluations.valuation.get', { id });
  }

  @Put('proposal-valuations/:id/answers')
  saveAnswers(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<FrameworkValuation> {
    return forward(this.services, request, 'evaluations.valuation.saveAnswers', { ...objectBody(body), id });
  }

  @Post('proposal-valuations/:id/submit')
  @HttpCode(200)
  submit(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Req() request: GatewayRequest,
  ): Promise<FrameworkValuation> {
    return forward(this.services, request, 'evaluations.valuation.submit', { id });
  }
}
