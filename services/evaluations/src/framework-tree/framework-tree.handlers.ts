import type { Criterion, Dimension, Framework, Indicator, ParsedRequestOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { FrameworkDeps } from '../framework/create-framework';
import { adoptProposalAsCriterion } from './adopt-proposal-as-criterion';
import { createCriterion, deleteCriterion, updateCriterion } from './edit-criteria';
import { createDimension, deleteDimension, updateDimension } from './edit-dimensions';
import { createIndicator, deleteIndicator, updateIndicator } from './edit-indicators';
import { reorderCriteria, reorderDimensions, reorderIndicators } from './reorder-siblings';

/** The tree of a draft: its dimensions, criteria and indicators, written by its editors. */
@Controller()
export class FrameworkTreeHandlers {
  private readonly deps: FrameworkDeps;

  constructor(@Inject(DATABASE) db: Kysely<EvaluationsDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services };
  }

  @Handles('evaluations.dimension.create')
  createDimension(body: ParsedRequestOf<'evaluations.dimension.create'>, context: RequestContext): Promise<Dimension> {
    return createDimension(this.deps, context, body);
  }

  @Handles('evaluations.dimension.update')
  updateDimension(body: ParsedRequestOf<'evaluations.dimension.update'>, context: RequestContext): Promise<Dimension> {
    return updateDimension(this.deps, context, body);
  }

  @Handles('evaluations.dimension.delete')
  deleteDimension(body: ParsedRequestOf<'evaluations.dimension.delete'>, context: RequestContext): Promise<Framework> {
    return deleteDimension(this.deps, context, body);
  }

  @Handles('evaluations.dimension.reorder')
  reorderDimensions(
    body: ParsedRequestOf<'evaluations.dimension.reorder'>,
    context: RequestContext,
  ): Promise<Framework> {
    return reorderDimensions(this.deps, context, body);
  }

  @Handles('evaluations.criterion.create')
  createCriterion(body: ParsedRequestOf<'evaluations.criterion.create'>, context: RequestContext): Promise<Criterion> {
    return createCriterion(this.deps, context, body);
  }

  @Handles('evaluations.criterion.update')
  updateCriterion(body: ParsedRequestOf<'evaluations.criterion.update'>, context: RequestContext): Promise<Criterion> {
    return updateCriterion(this.deps, context, body);
  }

  @Handles('evaluations.criterion.delete')
  deleteCriterion(body: ParsedRequestOf<'evaluations.criterion.delete'>, context: RequestContext): Promise<Framework> {
    return deleteCriterion(this.deps, context, body);
  }

  @Handles('evaluations.criterion.reorder')
  reorderCriteria(body: ParsedRequestOf<'evaluations.criterion.reorder'>, context: RequestContext): Promise<Framework> {
    return reorderCriteria(this.deps, context, body);
  }

  @Handles('evaluations.criterion.adoptProposal')
  adoptProposal(
    body: ParsedRequestOf<'evaluations.criterion.adoptProposal'>,
    context: RequestContext,
  ): Promise<Criterion> {
    return adoptProposalAsCriterion(this.deps, context, body);
  }

  @Handles('evaluations.indicator.create')
  createIndicator(body: ParsedRequestOf<'evaluations.indicator.create'>, context: RequestContext): Promise<Indicator> {
    return createIndicator(this.deps, context, body);
  }

  @Handles('evaluations.indicator.update')
  updateIndicator(body: ParsedRequestOf<'evaluations.indicator.update'>, context: RequestContext): Promise<Indicator> {
    return updateIndicator(this.deps, context, body);
  }

  @Handles('evaluations.indicator.delete')
  deleteIndicator(body: ParsedRequestOf<'evaluations.indicator.delete'>, context: RequestContext): Promise<Framework> {
    return deleteIndicator(this.deps, context, body);
  }

  @Handles('evaluations.indicator.reorder')
  reorderIndicators(
    body: ParsedRequestOf<'evaluations.indicator.reorder'>,
    context: RequestContext,
  ): Promise<Framework> {
    return reorderIndicators(this.deps, context, body);
  }
}
