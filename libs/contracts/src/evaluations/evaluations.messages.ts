import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import { campaignMessages } from './campaign.messages';
import { assessmentMessages } from './assessment.messages';
import { stakeholderMessages } from './stakeholder.messages';
import { progressMessages } from './progress.messages';
import { valuationMessages } from './valuation.messages';
import { resultsMessages } from './results.messages';
import {
  createFrameworkRequestSchema,
  frameworkIdSchema,
  frameworkListQuerySchema,
  frameworkSchema,
  frameworkSummarySchema,
  frameworkVersionsQuerySchema,
  updateFrameworkRequestSchema,
} from './framework';
import {
  addFrameworkEditorRequestSchema,
  frameworkEditorListSchema,
  frameworkEditorRemovalSchema,
  frameworkEditorSchema,
  frameworkEditorsRequestSchema,
  removeFrameworkEditorRequestSchema,
} from './framework-editor';
import {
  adoptProposalRequestSchema,
  createCriterionRequestSchema,
  createDimensionRequestSchema,
  createIndicatorRequestSchema,
  criterionRefSchema,
  criterionSchema,
  dimensionRefSchema,
  dimensionSchema,
  indicatorRefSchema,
  indicatorSchema,
  reorderCriteriaRequestSchema,
  reorderDimensionsRequestSchema,
  reorderIndicatorsRequestSchema,
  updateCriterionRequestSchema,
  updateDimensionRequestSchema,
  updateIndicatorRequestSchema,
} from './framework-tree';

/**
 * Messages of the evaluations service: frameworks (référentiels). Every write to a framework's
 * tree is its editors' or platform admins', on a draft only; adopted versions are never changed.
 */
export const evaluationsMessages = {
  /** Platform admins: version 1 of a new lineage, a draft. */
  'evaluations.framework.create': { request: createFrameworkRequestSchema, response: frameworkSchema },
  /** Adopted versions for anyone; drafts too for their editors and platform admins. */
  'evaluations.framework.list': { request: frameworkListQuerySchema, response: pageSchema(frameworkSummarySchema) },
  'evaluations.framework.get': { request: frameworkIdSchema, response: frameworkSchema },
  'evaluations.framework.update': { request: updateFrameworkRequestSchema, response: frameworkSchema },
  /** Checks it is complete (422 `framework_incomplete` with what is missing), then freezes it. */
  'evaluations.framework.adopt': { request: frameworkIdSchema, response: frameworkSchema },
  'evaluations.framework.versions': {
    request: frameworkVersionsQuerySchema,
    response: pageSchema(frameworkSummarySchema),
  },
  /** A new draft of the lineage (version n+1), a copy of an adopted version; one draft per lineage at a time. */
  'evaluations.framework.startVersion': { request: frameworkIdSchema, response: frameworkSchema },
  'evaluations.dimension.create': { request: createDimensionRequestSchema, response: dimensionSchema },
  'evaluations.dimension.update': { request: updateDimensionRequestSchema, response: dimensionSchema },
  /** With its criteria and their indicators; answers the framework. */
  'evaluations.dimension.delete': { request: dimensionRefSchema, response: frameworkSchema },
  'evaluations.dimension.reorder': { request: reorderDimensionsRequestSchema, response: frameworkSchema },
  'evaluations.criterion.create': { request: createCriterionRequestSchema, response: criterionSchema },
  'evaluations.criterion.update': { request: updateCriterionRequestSchema, response: criterionSchema },
  'evaluations.criterion.delete': { request: criterionRefSchema, response: frameworkSchema },
  'evaluations.criterion.reorder': { request: reorderCriteriaRequestSchema, response: frameworkSchema },
  /** Co-construction: a proposal of the framework's process becomes a criterion, keeping the link. */
  'evaluations.criterion.adoptProposal': { request: adoptProposalRequestSchema, response: criterionSchema },
  'evaluations.indicator.create': { request: createIndicatorRequestSchema, response: indicatorSchema },
  'evaluations.indicator.update': { request: updateIndicatorRequestSchema, response: indicatorSchema },
  'evaluations.indicator.delete': { request: indicatorRefSchema, response: frameworkSchema },
  'evaluations.indicator.reorder': { request: reorderIndicatorsRequestSchema, response: frameworkSchema },
  /** Platform admins and the lineage's editors. */
  'evaluations.frameworkEditor.list': { request: frameworkEditorsRequestSchema, response: frameworkEditorListSchema },
  /** Platform admins name an editor of the lineage (again: nothing changes). */
  'evaluations.frameworkEditor.add': { request: addFrameworkEditorRequestSchema, response: frameworkEditorSchema },
  'evaluations.frameworkEditor.remove': {
    request: removeFrameworkEditorRequestSchema,
    response: frameworkEditorRemovalSchema,
  },
  ...campaignMessages,
  ...assessmentMessages,
  ...stakeholderMessages,
  ...progressMessages,
  ...valuationMessages,
  ...resultsMessages,
} as const satisfies Record<string, MessageContract>;
