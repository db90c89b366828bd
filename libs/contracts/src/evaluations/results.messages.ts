import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  campaignResultsRequestSchema,
  campaignResultsSchema,
  openDataCampaignSchema,
  openDataCampaignsQuerySchema,
  openDataResultsCsvSchema,
  openDataResultsSchema,
  subjectResultsRequestSchema,
  subjectResultsSchema,
} from './results';

/** Messages of the evaluations service about results (regards croisés) and their open data. */
export const resultsMessages = {
  /** Whoever may read the subject: its members, its assigned peers, the committee, coordinators, admins. */
  'evaluations.results.subject': { request: subjectResultsRequestSchema, response: subjectResultsSchema },
  /**
   * Coordinators, committee and admins (every subject named); members of subjects and assigned
   * peers, and anyone once closed (subjects anonymised unless they agreed to be shown).
   */
  'evaluations.results.campaign': { request: campaignResultsRequestSchema, response: campaignResultsSchema },
  /** Anyone: closed campaigns. */
  'evaluations.openData.campaigns': {
    request: openDataCampaignsQuerySchema,
    response: pageSchema(openDataCampaignSchema),
  },
  /** Anyone, closed campaigns only: aggregates where no subject is identifiable. */
  'evaluations.openData.results': { request: campaignResultsRequestSchema, response: openDataResultsSchema },
  /** The same as CSV, one row per criterion and perspective. */
  'evaluations.openData.resultsCsv': { request: campaignResultsRequestSchema, response: openDataResultsCsvSchema },
} as const satisfies Record<string, MessageContract>;
