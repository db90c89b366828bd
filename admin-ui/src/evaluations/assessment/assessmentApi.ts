import type {
  Assessment,
  AssessmentSummary,
  CampaignAssessmentKind,
  FrameworkValuation,
  MissingAnswer,
  Page,
  saveAnswersBodySchema,
} from '@convergences/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../dataProvider';
import { problemOf } from '../frameworkApi';

/** What `PUT …/answers` takes: the criteria written, and the committee's recommendations or a valuator's summary. */
export type SaveAnswersBody = z.input<typeof saveAnswersBodySchema>;

const id = (value: string) => encodeURIComponent(value);

/** The endpoints an answer sheet writes through: a campaign's assessment, or a proposal's valuation. */
export interface AnswerEndpoints<Saved extends Assessment = Assessment> {
  get(): Promise<Saved>;
  save(body: SaveAnswersBody): Promise<Saved>;
  submit(): Promise<Saved>;
}

/** A campaign's assessments (self, peer, committee): `/campaigns/{id}/assessments`, `/assessments/{id}`. */
export const assessmentApi = {
  /** `POST /campaigns/{id}/assessments`: the caller's draft of a kind for a subject, found (200) or created (201). */
  async start(campaignId: string, subjectId: string, kind: CampaignAssessmentKind): Promise<Assessment> {
    const path = `/campaigns/${id(campaignId)}/assessments`;
    return (await apiRequest<Assessment>(path, { method: 'POST', body: { subjectId, kind } })).json;
  },
  /** `GET /campaigns/{id}/assessments?subjectId=`: a subject's assessments the caller reads, without their answers. */
  async ofSubject(campaignId: string, subjectId: string): Promise<AssessmentSummary[]> {
    const path = `/campaigns/${id(campaignId)}/assessments`;
    return (await apiRequest<Page<AssessmentSummary>>(path, { query: { subjectId, perPage: 100 } })).json.data;
  },
  async get(assessmentId: string): Promise<Assessment> {
    return (await apiRequest<Assessment>(`/assessments/${id(assessmentId)}`)).json;
  },
  endpoints(assessmentId: string): AnswerEndpoints {
    const path = `/assessments/${id(assessmentId)}`;
    return {
      get: async () => (await apiRequest<Assessment>(path)).json,
      save: async (body) => (await apiRequest<Assessment>(`${path}/answers`, { method: 'PUT', body })).json,
      submit: async () => (await apiRequest<Assessment>(`${path}/submit`, { method: 'POST' })).json,
    };
  },
};

/** A proposal's valuations with its process's grid: `/proposals/{id}/valuations`, `/proposal-valuations/{id}`. */
export const valuationApi = {
  /** `POST /proposals/{id}/valuations`: the assigned valuator's draft, found (200) or created (201). */
  async start(proposalId: string): Promise<FrameworkValuation> {
    const path = `/proposals/${id(proposalId)}/valuations`;
    return (await apiRequest<FrameworkValuation>(path, { method: 'POST' })).json;
  },
  endpoints(valuationId: string): AnswerEndpoints<FrameworkValuation> {
    const path = `/proposal-valuations/${id(valuationId)}`;
    return {
      get: async () => (await apiRequest<FrameworkValuation>(path)).json,
      save: async (body) => (await apiRequest<FrameworkValuation>(`${path}/answers`, { method: 'PUT', body })).json,
      submit: async () => (await apiRequest<FrameworkValuation>(`${path}/submit`, { method: 'POST' })).json,
    };
  },
};

/** What a 422 `assessment_incomplete` says is missing, or nothing for any other failure. */
export function missingOf(error: unknown): MissingAnswer[] | undefined {
  const problem = problemOf(error);
  if (problem?.code !== 'assessment_incomplete') return undefined;
  const missing = problem.details?.missing;
  return Array.isArray(missing) ? (missing as MissingAnswer[]) : [];
}
