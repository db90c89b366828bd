import type { MessageContract } from '../message-contract';
import {
  stakeholderQuestionnaireRequestSchema,
  stakeholderQuestionnaireSchema,
  stakeholderReceiptSchema,
  stakeholderResponseRequestSchema,
} from './stakeholder';

/** Messages of the evaluations service about stakeholders' voices (regards des parties prenantes). */
export const stakeholderMessages = {
  /** Anyone, signed in or not, while the campaign is open (409 `campaign_state` otherwise). */
  'evaluations.stakeholder.questionnaire': {
    request: stakeholderQuestionnaireRequestSchema,
    response: stakeholderQuestionnaireSchema,
  },
  /** Anyone, anonymously, while the campaign is open; limited per source (429 `rate_limited`). */
  'evaluations.stakeholder.respond': { request: stakeholderResponseRequestSchema, response: stakeholderReceiptSchema },
} as const satisfies Record<string, MessageContract>;
