import type { Assessment, AssessmentSummary, Page, ParsedRequestOf, StartedAssessment } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { getAssessment, listCampaignAssessments } from './read-assessments';
import { saveAssessmentAnswers } from './save-answers';
import { startAssessment, type AssessmentDeps } from './start-assessment';
import { submitAssessment } from './submit-assessment';

/** A campaign's assessments: self (auto-évaluation), peer (regards croisés) and the committee's opinion. */
@Controller()
export class AssessmentHandlers {
  private readonly deps: AssessmentDeps;

  constructor(@Inject(DATABASE) db: Kysely<EvaluationsDatabase>) {
    this.deps = { db };
  }

  @Handles('evaluations.assessment.start')
  start(body: ParsedRequestOf<'evaluations.assessment.start'>, context: RequestContext): Promise<StartedAssessment> {
    return startAssessment(this.deps, context, body);
  }

  @Handles('evaluations.assessment.get')
  get(body: ParsedRequestOf<'evaluations.assessment.get'>, context: RequestContext): Promise<Assessment> {
    return getAssessment(this.deps, context, body);
  }

  @Handles('evaluations.assessment.saveAnswers')
  saveAnswers(
    body: ParsedRequestOf<'evaluations.assessment.saveAnswers'>,
    context: RequestContext,
  ): Promise<Assessment> {
    return saveAssessmentAnswers(this.deps, context, body);
  }

  @Handles('evaluations.assessment.submit')
  submit(body: ParsedRequestOf<'evaluations.assessment.submit'>, context: RequestContext): Promise<Assessment> {
    return submitAssessment(this.deps, context, body);
  }

  @Handles('evaluations.assessment.list')
  list(
    query: ParsedRequestOf<'evaluations.assessment.list'>,
    context: RequestContext,
  ): Promise<Page<AssessmentSummary>> {
    return listCampaignAssessments(this.deps, context, query);
  }
}
