import type { AnswerState, AnswersImportReport, ParsedRequestOf, Proposal, ResponseOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { answerProposal } from './answer-proposal';
import { createAnswerState } from './create-answer-state';
import { removeAnswerState } from './delete-answer-state';
import { importAnswers } from './import-answers';
import { listAnswerStates } from './list-answer-states';
import { publishAnswers } from './publish-answers';
import { changeAnswerState } from './update-answer-state';

@Controller()
export class AnswerHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  private get deps() {
    return { db: this.db, services: this.services };
  }

  @Handles('proposals.answer.give')
  give(body: ParsedRequestOf<'proposals.answer.give'>, context: RequestContext): Promise<Proposal> {
    return answerProposal(this.deps, context, body);
  }

  @Handles('proposals.answer.publishAll')
  publishAll(
    body: ParsedRequestOf<'proposals.answer.publishAll'>,
    context: RequestContext,
  ): Promise<ResponseOf<'proposals.answer.publishAll'>> {
    return publishAnswers(this.deps, context, body);
  }

  @Handles('proposals.answer.import')
  import(body: ParsedRequestOf<'proposals.answer.import'>, context: RequestContext): Promise<AnswersImportReport> {
    return importAnswers(this.deps, context, body);
  }

  @Handles('proposals.answerState.list')
  listStates(
    body: ParsedRequestOf<'proposals.answerState.list'>,
    context: RequestContext,
  ): Promise<ResponseOf<'proposals.answerState.list'>> {
    return listAnswerStates(this.deps, context, body);
  }

  @Handles('proposals.answerState.create')
  createState(body: ParsedRequestOf<'proposals.answerState.create'>, context: RequestContext): Promise<AnswerState> {
    return createAnswerState(this.deps, context, body);
  }

  @Handles('proposals.answerState.update')
  updateState(body: ParsedRequestOf<'proposals.answerState.update'>, context: RequestContext): Promise<AnswerState> {
    return changeAnswerState(this.deps, context, body);
  }

  @Handles('proposals.answerState.delete')
  deleteState(body: ParsedRequestOf<'proposals.answerState.delete'>, context: RequestContext): Promise<AnswerState> {
    return removeAnswerState(this.deps, context, body);
  }
}
