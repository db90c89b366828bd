import type {
  FrameworkValuation,
  ParsedRequestOf,
  ProcessValuationFramework,
  StartedFrameworkValuation,
  ValuationFrameworkChoice,
} from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { getValuation, listValuations } from './read-valuations';
import { saveValuationAnswers } from './save-valuation-answers';
import { startValuation } from './start-valuation';
import { submitValuation } from './submit-valuation';
import type { ValuationDeps } from './valuation-access';
import { getValuationFramework, setValuationFramework } from './valuation-framework';

/** The evaluations service's message handlers for valuations of proposals with a framework. */
@Controller()
export class ValuationHandlers {
  private readonly deps: ValuationDeps;

  constructor(@Inject(DATABASE) db: Kysely<EvaluationsDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services };
  }

  @Handles('evaluations.valuationFramework.get')
  getFramework(
    body: ParsedRequestOf<'evaluations.valuationFramework.get'>,
    context: RequestContext,
  ): Promise<ProcessValuationFramework> {
    return getValuationFramework(this.deps, context, body);
  }

  @Handles('evaluations.valuationFramework.set')
  setFramework(
    body: ParsedRequestOf<'evaluations.valuationFramework.set'>,
    context: RequestContext,
  ): Promise<ValuationFrameworkChoice> {
    return setValuationFramework(this.deps, context, body);
  }

  @Handles('evaluations.valuation.start')
  start(
    body: ParsedRequestOf<'evaluations.valuation.start'>,
    context: RequestContext,
  ): Promise<StartedFrameworkValuation> {
    return startValuation(this.deps, context, body);
  }

  @Handles('evaluations.valuation.list')
  list(
    body: ParsedRequestOf<'evaluations.valuation.list'>,
    context: RequestContext,
  ): Promise<{ data: FrameworkValuation[] }> {
    return listValuations(this.deps, context, body);
  }

  @Handles('evaluations.valuation.get')
  get(body: ParsedRequestOf<'evaluations.valuation.get'>, context: RequestContext): Promise<FrameworkValuation> {
    return getValuation(this.deps, context, body);
  }

  @Handles('evaluations.valuation.saveAnswers')
  saveAnswers(
    body: ParsedRequestOf<'evaluations.valuation.saveAnswers'>,
    context: RequestContext,
  ): Promise<FrameworkValuation> {
    return saveValuationAnswers(this.deps, context, body);
  }

  @Handles('evaluations.valuation.submit')
  submit(body: ParsedRequestOf<'evaluations.valuation.submit'>, context: RequestContext): Promise<FrameworkValuation> {
    return submitValuation(this.deps, context, body);
  }
}
