import type { Page, ParsedRequestOf, ProgressAction } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { createProgressAction } from './create-progress-action';
import { getProgressAction, listProgressActions } from './read-progress-actions';
import { updateProgressAction } from './update-progress-action';

/** Progress plans (démarche de progrès): subjects' improvement actions, followed across campaigns. */
@Controller()
export class ProgressHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<EvaluationsDatabase>) {}

  @Handles('evaluations.progressAction.create')
  create(body: ParsedRequestOf<'evaluations.progressAction.create'>, context: RequestContext): Promise<ProgressAction> {
    return createProgressAction(this.db, context, body);
  }

  @Handles('evaluations.progressAction.update')
  update(body: ParsedRequestOf<'evaluations.progressAction.update'>, context: RequestContext): Promise<ProgressAction> {
    return updateProgressAction(this.db, context, body);
  }

  @Handles('evaluations.progressAction.get')
  get(body: ParsedRequestOf<'evaluations.progressAction.get'>, context: RequestContext): Promise<ProgressAction> {
    return getProgressAction(this.db, context, body);
  }

  @Handles('evaluations.progressAction.list')
  list(
    query: ParsedRequestOf<'evaluations.progressAction.list'>,
    context: RequestContext,
  ): Promise<Page<ProgressAction>> {
    return listProgressActions(this.db, context, query);
  }
}
