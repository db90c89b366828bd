import { type SuccessMessage, useNotifyingMutation } from '../common';

/** The queries that show campaigns: react-admin's, their people, subjects, peers, results and progress plans. */
export const CAMPAIGN_QUERY_KEYS = [
  'campaigns',
  'campaign-people',
  'campaign-subjects',
  'subject-peers',
  'campaign-results',
  'progress-plans',
] as const;

/** A change to a campaign, its people, subjects or peers: notifies, refetches, rejects for forms to show field errors. */
export const useCampaignMutation = <Variables, Result = unknown>(
  call: (variables: Variables) => Promise<Result>,
  successMessage: SuccessMessage<Result>,
) =>
  useNotifyingMutation((_dataProvider, variables: Variables) => call(variables), successMessage, CAMPAIGN_QUERY_KEYS);
