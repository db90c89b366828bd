import type { EventContract } from '../message-contract';
import { assessmentSubmittedSchema } from './assessment';
import { campaignStateChangedSchema } from './campaign';
import { frameworkAdoptedSchema } from './framework';

/** Events of the evaluations service. */
export const evaluationsEvents = {
  /** A framework version adopted: frozen from now on, ready for campaigns. */
  'evaluations.framework.adopted': { schemaVersion: 1, data: frameworkAdoptedSchema },
  /** A campaign moved to a new state (open, review, closed). */
  'evaluations.campaign.stateChanged': { schemaVersion: 1, data: campaignStateChangedSchema },
  /** An assessment submitted: frozen from now on. */
  'evaluations.assessment.submitted': { schemaVersion: 1, data: assessmentSubmittedSchema },
} as const satisfies Record<string, EventContract>;
