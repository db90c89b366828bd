import type {
  AnswerState,
  AnswersImportReport,
  Endorsement,
  Page,
  Proposal,
  Valuation,
  ValuationNote,
  ValuatorAssignment,
} from '@convergences/contracts';
import type { Identifier } from 'react-admin';
import type { AnswerInput, AnswerStateInput, AnswerStateUpdate, OfficialProposalInput } from '../types';
import { getAccessToken } from '../authProvider/keycloak';
import { apiRequest, buildUrl } from './httpClient';

const id = (value: Identifier) => encodeURIComponent(String(value));
const proposalPath = (proposalId: Identifier) => `/proposals/${id(proposalId)}`;
const processPath = (processId: Identifier) => `/processes/${id(processId)}`;

/**
 * The proposals' back-office endpoints: official proposals, official answers (one, all held ones,
 * a CSV import), the process's answer states, valuators and private notes, endorsements, and the
 * open-data exports.
 */
export interface ProposalEndpoints {
  /** `POST /processes/{id}/proposals/official`: published at once in the name of the process's organiser. */
  createOfficialProposal(processId: Identifier, input: OfficialProposalInput): Promise<{ data: Proposal }>;
  /** `PUT /proposals/{id}/answer` */
  answerProposal(proposalId: Identifier, input: AnswerInput): Promise<{ data: Proposal }>;
  /** `POST /processes/{id}/answers/publish`: publishes every held answer of the process. */
  publishAnswers(processId: Identifier): Promise<{ data: { published: number } }>;
  /** `POST /processes/{id}/answers/import` (`dryRun`: report only, change nothing). */
  importAnswers(
    processId: Identifier,
    input: { csv: string; dryRun: boolean; publish?: boolean },
  ): Promise<{ data: AnswersImportReport }>;
  /** `GET /processes/{id}/answer-states`: the states the process defines besides the built-in ones. */
  getAnswerStates(processId: Identifier): Promise<{ data: AnswerState[] }>;
  /** `POST /processes/{id}/answer-states` */
  createAnswerState(processId: Identifier, input: AnswerStateInput): Promise<{ data: AnswerState }>;
  /** `PATCH /processes/{id}/answer-states/{key}`: its label or colour (its key stays). */
  updateAnswerState(processId: Identifier, key: string, changes: AnswerStateUpdate): Promise<{ data: AnswerState }>;
  /** `DELETE /processes/{id}/answer-states/{key}` */
  deleteAnswerState(processId: Identifier, key: string): Promise<void>;
  /** `GET /proposals/{id}/valuation`: the proposal with its held answer, its valuators, its notes. */
  getValuation(proposalId: Identifier): Promise<{ data: Valuation }>;
  /** `POST /proposals/{id}/valuators` */
  assignValuator(proposalId: Identifier, personId: Identifier): Promise<{ data: ValuatorAssignment }>;
  /** `DELETE /proposals/{id}/valuators/{personId}` */
  unassignValuator(proposalId: Identifier, personId: Identifier): Promise<void>;
  /** `POST /proposals/{id}/notes` */
  addValuationNote(proposalId: Identifier, body: string): Promise<{ data: ValuationNote }>;
  /** `GET /proposals/{id}/endorsements` (first 100) */
  getEndorsements(proposalId: Identifier): Promise<{ data: Endorsement[]; total: number }>;
  /** `GET /processes/{id}/proposals/export.{csv,json}`, saved as a file by the browser. */
  downloadProposalsExport(processId: Identifier, format: 'csv' | 'json'): Promise<void>;
}

/** The file name the gateway gives (`Content-Disposition`), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallback;
}

export const proposalEndpoints: ProposalEndpoints = {
  async createOfficialProposal(processId, input) {
    const { json } = await apiRequest<Proposal>(`${processPath(processId)}/proposals/official`, {
      method: 'POST',
      body: input,
    });
    return { data: json };
  },

  async answerProposal(proposalId, input) {
    const { json } = await apiRequest<Proposal>(`${proposalPath(proposalId)}/answer`, { method: 'PUT', body: input });
    return { data: json };
  },

  async publishAnswers(processId) {
    const { json } = await apiRequest<{ published: number }>(`${processPath(processId)}/answers/publish`, {
      method: 'POST',
    });
    return { data: json };
  },

  async importAnswers(processId, input) {
    const { json } = await apiRequest<AnswersImportReport>(`${processPath(processId)}/answers/import`, {
      method: 'POST',
      body: input,
    });
    return { data: json };
  },

  async getAnswerStates(processId) {
    const { json } = await apiRequest<{ data: AnswerState[] }>(`${processPath(processId)}/answer-states`);
    return { data: json.data };
  },

  async createAnswerState(processId, input) {
    const { json } = await apiRequest<AnswerState>(`${processPath(processId)}/answer-states`, {
      method: 'POST',
      body: input,
    });
    return { data: json };
  },

  async updateAnswerState(processId, key, changes) {
    const { json } = await apiRequest<AnswerState>(`${processPath(processId)}/answer-states/${id(key)}`, {
      method: 'PATCH',
      body: changes,
    });
    return { data: json };
  },

  async deleteAnswerState(processId, key) {
    await apiRequest<void>(`${processPath(processId)}/answer-states/${id(key)}`, { method: 'DELETE' });
  },

  async getValuation(proposalId) {
    const { json } = await apiRequest<Valuation>(`${proposalPath(proposalId)}/valuation`);
    return { data: json };
  },

  async assignValuator(proposalId, personId) {
    const { json } = await apiRequest<ValuatorAssignment>(`${proposalPath(proposalId)}/valuators`, {
      method: 'POST',
      body: { personId },
    });
    return { data: json };
  },

  async unassignValuator(proposalId, personId) {
    await apiRequest<void>(`${proposalPath(proposalId)}/valuators/${id(personId)}`, { method: 'DELETE' });
  },

  async addValuationNote(proposalId, body) {
    const { json } = await apiRequest<ValuationNote>(`${proposalPath(proposalId)}/notes`, {
      method: 'POST',
      body: { body },
    });
    return { data: json };
  },

  async getEndorsements(proposalId) {
    const { json } = await apiRequest<Page<Endorsement>>(`${proposalPath(proposalId)}/endorsements`, {
      query: { perPage: 100 },
    });
    return { data: json.data, total: json.meta.total };
  },

  async downloadProposalsExport(processId, format) {
    const headers = new Headers({ Accept: format === 'csv' ? 'text/csv' : 'application/json' });
    const token = await getAccessToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const response = await fetch(buildUrl(`${processPath(processId)}/proposals/export.${format}`), { headers });
    if (!response.ok) throw new Error('app.answers.exportFailed');
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response, `proposals.${format}`);
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },
};
