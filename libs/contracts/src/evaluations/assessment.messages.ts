import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  assessmentIdSchema,
  assessmentListQuerySchema,
  assessmentSchema,
  assessmentSummarySchema,
  saveAnswersRequestSchema,
  startAssessmentRequestSchema,
  startedAssessmentSchema,
} from './assessment';

/**
 * Messages of the evaluations service about assessments. A subject's assessments are read by its
 * members, its assigned peers, the committee and the coordinators (and platform admins); written
 * by their writers only, while a draft: the subject's members (self), the assigned peer (their
 * own), the committee (its opinion).
 */
export const assessmentMessages = {
  /**
   * The caller's draft of a kind for a subject: found, or created. Self and peer while the
   * campaign is open; committee while open or in review (409 `campaign_state` otherwise).
   */
  'evaluations.assessment.start': { request: startAssessmentRequestSchema, response: startedAssessmentSchema },
  'evaluations.assessment.get': { request: assessmentIdSchema, response: assessmentSchema },
  /** Only the criteria given change; checked against the framework version (400 with field errors). */
  'evaluations.assessment.saveAnswers': { request: saveAnswersRequestSchema, response: assessmentSchema },
  /** Complete only (422 `assessment_incomplete`, `details.missing`); frozen from then on. */
  'evaluations.assessment.submit': { request: assessmentIdSchema, response: assessmentSchema },
  /** The campaign's assessments of the subjects the caller may read. */
  'evaluations.assessment.list': {
    request: assessmentListQuerySchema,
    response: pageSchema(assessmentSummarySchema),
  },
} as const satisfies Record<string, MessageContract>;
