import type { Actor, AnswerState, AnswersImportReport, Proposal, ResponseOf } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, idempotencyKeyOf, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/** The local authority's side: official answers, the process's answer states, official proposals. */
@Controller('api/v1')
export class AnswersController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** A process admin answers (published at once or held); an assigned valuator drafts a held answer. */
  @Put('proposals/:id/answer')
  answer(
    @SignedIn() _actor: Actor,
    @Param('id') proposalId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Proposal> {
    return forward(this.services, request, 'proposals.answer.give', { ...objectBody(body), proposalId });
  }

  @Post('processes/:id/answers/publish')
  @HttpCode(200)
  publish(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Req() request: GatewayRequest,
  ): Promise<ResponseOf<'proposals.answer.publishAll'>> {
    return forward(this.services, request, 'proposals.answer.publishAll', { processId });
  }

  @Post('processes/:id/answers/import')
  @HttpCode(200)
  import(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<AnswersImportReport> {
    return forward(this.services, request, 'proposals.answer.import', { ...objectBody(body), processId });
  }

  @Get('processes/:id/answer-states')
  states(@Param('id') processId: string, @Req() request: GatewayRequest): Promise<{ data: AnswerState[] }> {
    return forward(this.services, request, 'proposals.answerState.list', { processId });
  }

  @Post('processes/:id/answer-states')
  @HttpCode(201)
  createState(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<AnswerState> {
    return forward(this.services, request, 'proposals.answerState.create', { ...objectBody(body), processId });
  }

  @Patch('processes/:id/answer-states/:key')
  updateState(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('key') key: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<AnswerState> {
    return forward(this.services, request, 'proposals.answerState.update', { ...objectBody(body), processId, key });
  }

  @Delete('processes/:id/answer-states/:key')
  @HttpCode(204)
  async deleteState(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Param('key') key: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'proposals.answerState.delete', { processId, key });
  }

  /** A process admin publishes a proposal in the name of the process's organiser. */
  @Post('processes/:id/proposals/official')
  @HttpCode(201)
  async official(
    @SignedIn() _actor: Actor,
    @Param('id') processId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Proposal> {
    const proposal = await forward(
      this.services,
      request,
      'proposals.proposal.createOfficial',
      { ...objectBody(body), processId },
      idempotencyKeyOf(request),
    );
    response.location(`/api/v1/proposals/${proposal.id}`);
    return proposal;
  }
}
