import type {
  Debate,
  DebateTextInput,
  closeDebateBodySchema,
  createDebateBodySchema,
  updateDebateBodySchema,
} from '@convergences/contracts';
import type { Identifier } from 'react-admin';
import type { z } from 'zod';
import { apiRequest } from './httpClient';

/** What `POST /processes/{id}/debates` takes (`official: true` from the back office). */
export type OfficialDebateInput = z.input<typeof createDebateBodySchema>;
/** What `PATCH /debates/{id}` takes: any editable field, or one more information update. */
export type DebateUpdate = z.input<typeof updateDebateBodySchema>;
/** What `POST /debates/{id}/close` takes. */
export type DebateClosing = z.input<typeof closeDebateBodySchema>;

const id = (value: Identifier) => encodeURIComponent(String(value));
const debatePath = (debateId: Identifier) => `/debates/${id(debateId)}`;

/**
 * The API lists debates under their process (`GET /processes/{id}/debates`): the list's
 * `processId` filter becomes the path; without it there is no list to ask for.
 */
export function debateListPath(
  filter: Record<string, unknown> | undefined,
): { path: string; filter: Record<string, unknown> } | undefined {
  const { processId, ...rest } = filter ?? {};
  if (typeof processId !== 'string' || processId === '') return undefined;
  return { path: `/processes/${id(processId)}/debates`, filter: rest };
}

/** The debates' back-office endpoints: official debates, their edits and information updates, closing and reopening. */
export interface DebateEndpoints {
  /** `POST /processes/{id}/debates` with `official: true`: in the name of the process's organiser. */
  createOfficialDebate(processId: Identifier, input: OfficialDebateInput): Promise<{ data: Debate }>;
  /** `PATCH /debates/{id}`: what is not given stays as it was. */
  updateDebate(debateId: Identifier, changes: DebateUpdate): Promise<{ data: Debate }>;
  /** `PATCH /debates/{id}` `{ informationUpdate }`: added after the others (official debates). */
  addInformationUpdate(debateId: Identifier, body: DebateTextInput): Promise<{ data: Debate }>;
  /** `POST /debates/{id}/close`; on a closed debate it amends the conclusions. */
  closeDebate(debateId: Identifier, closing: DebateClosing): Promise<{ data: Debate }>;
  /** `POST /debates/{id}/reopen`: the conclusions are removed. */
  reopenDebate(debateId: Identifier): Promise<{ data: Debate }>;
}

export const debateEndpoints: DebateEndpoints = {
  async createOfficialDebate(processId, input) {
    const { json } = await apiRequest<Debate>(`/processes/${id(processId)}/debates`, {
      method: 'POST',
      body: { ...input, official: true },
    });
    return { data: json };
  },

  async updateDebate(debateId, changes) {
    const { json } = await apiRequest<Debate>(debatePath(debateId), { method: 'PATCH', body: changes });
    return { data: json };
  },

  async addInformationUpdate(debateId, body) {
    const { json } = await apiRequest<Debate>(debatePath(debateId), {
      method: 'PATCH',
      body: { informationUpdate: body },
    });
    return { data: json };
  },

  async closeDebate(debateId, closing) {
    const { json } = await apiRequest<Debate>(`${debatePath(debateId)}/close`, { method: 'POST', body: closing });
    return { data: json };
  },

  async reopenDebate(debateId) {
    const { json } = await apiRequest<Debate>(`${debatePath(debateId)}/reopen`, { method: 'POST' });
    return { data: json };
  },
};
