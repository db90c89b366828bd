import type { CampaignResults, SubjectResults } from '@convergences/contracts';
import { apiRequest } from '../dataProvider';

const id = (value: string) => encodeURIComponent(value);

/** The results (regards croisés) the API computes from submitted assessments. */
export const resultsApi = {
  /** `GET /campaigns/{id}/subjects/{subjectId}/results` (`subjectResultsSchema`). */
  async subject(campaignId: string, subjectId: string): Promise<SubjectResults> {
    return (await apiRequest<SubjectResults>(`/campaigns/${id(campaignId)}/subjects/${id(subjectId)}/results`)).json;
  },
  /** `GET /campaigns/{id}/results` (`campaignResultsSchema`). */
  async campaign(campaignId: string): Promise<CampaignResults> {
    return (await apiRequest<CampaignResults>(`/campaigns/${id(campaignId)}/results`)).json;
  },
};
