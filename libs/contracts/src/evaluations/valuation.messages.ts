import type { MessageContract } from '../message-contract';
import { saveAnswersRequestSchema } from './assessment';
import {
  frameworkValuationIdSchema,
  frameworkValuationListSchema,
  frameworkValuationSchema,
  frameworkValuationsRequestSchema,
  processValuationFrameworkSchema,
  setValuationFrameworkRequestSchema,
  startedFrameworkValuationSchema,
  startFrameworkValuationRequestSchema,
  valuationFrameworkChoiceSchema,
  valuationFrameworkRequestSchema,
} from './valuation';

/**
 * Messages of the evaluations service about valuations: a process's valuators assess the proposals
 * assigned to them with the framework chosen for the process; the process's admins read every
 * valuation, a valuator their own.
 */
export const valuationMessages = {
  /** Whoever sees the process: the criteria valuators use are no secret. */
  'evaluations.valuationFramework.get': {
    request: valuationFrameworkRequestSchema,
    response: processValuationFrameworkSchema,
  },
  /**
   * The process's admins choose an adopted version; 409 `conflict` once a valuation is submitted,
   * drafts begun on the previous one are dropped.
   */
  'evaluations.valuationFramework.set': {
    request: setValuationFrameworkRequestSchema,
    response: valuationFrameworkChoiceSchema,
  },
  /** A valuator assigned to the proposal: their draft, found or created (422 while the process has no framework). */
  'evaluations.valuation.start': {
    request: startFrameworkValuationRequestSchema,
    response: startedFrameworkValuationSchema,
  },
  /** The process's admins: every valuation of the proposal; a valuator: their own. */
  'evaluations.valuation.list': { request: frameworkValuationsRequestSchema, response: frameworkValuationListSchema },
  'evaluations.valuation.get': { request: frameworkValuationIdSchema, response: frameworkValuationSchema },
  /** Its valuator, while a draft; `recommendations` is their summary. */
  'evaluations.valuation.saveAnswers': { request: saveAnswersRequestSchema, response: frameworkValuationSchema },
  /** Its valuator, complete only (422 `assessment_incomplete`, `details.missing`); frozen from then on. */
  'evaluations.valuation.submit': { request: frameworkValuationIdSchema, response: frameworkValuationSchema },
} as const satisfies Record<string, MessageContract>;
