import type { Identifier } from 'react-admin';
import type {
  Phase,
  PhaseInput,
  PhaseUpdate,
  Process,
  ProcessCopyInput,
  ProcessInvitation,
  ProcessRole,
  ProcessRoleAssignment,
  ProcessUpdate,
} from '../types';
import { apiRequest } from './httpClient';

const processPath = (id: Identifier) => `/processes/${encodeURIComponent(String(id))}`;
const phasePath = (processId: Identifier, phaseId: Identifier) =>
  `${processPath(processId)}/phases/${encodeURIComponent(String(phaseId))}`;

/**
 * The process's own endpoints beyond list/read/create: its life cycle, and its phases, roles and
 * invitations, which the API serves as sub-resources of the process rather than as resources.
 */
export interface ProcessEndpoints {
  /** `PATCH /processes/{id}` */
  updateProcess(id: Identifier, changes: ProcessUpdate): Promise<{ data: Process }>;
  /** `POST /processes/{id}/close` */
  closeProcess(id: Identifier): Promise<{ data: Process }>;
  /** `POST /processes/{id}/copy`: a new draft with the same settings, themes and (inactive) phases. */
  copyProcess(id: Identifier, input: ProcessCopyInput): Promise<{ data: Process }>;
  /** `GET /processes/{id}/phases`, in their order. */
  getPhases(processId: Identifier): Promise<{ data: Phase[] }>;
  /** `POST /processes/{id}/phases` */
  createPhase(processId: Identifier, input: PhaseInput): Promise<{ data: Phase }>;
  /** `PATCH /processes/{id}/phases/{phaseId}` */
  updatePhase(processId: Identifier, phaseId: Identifier, changes: PhaseUpdate): Promise<{ data: Phase }>;
  /** `DELETE /processes/{id}/phases/{phaseId}` */
  deletePhase(processId: Identifier, phaseId: Identifier): Promise<void>;
  /** `POST /processes/{id}/phases/{phaseId}/activate`: the phase becomes the only active one. */
  activatePhase(processId: Identifier, phaseId: Identifier): Promise<{ data: Phase }>;
  /** `GET /processes/{id}/roles` */
  getProcessRoles(processId: Identifier): Promise<{ data: ProcessRoleAssignment[] }>;
  /** `POST /processes/{id}/roles` */
  assignProcessRole(processId: Identifier, personId: Identifier, role: ProcessRole): Promise<void>;
  /** `DELETE /processes/{id}/roles/{personId}/{role}` */
  removeProcessRole(processId: Identifier, personId: Identifier, role: ProcessRole): Promise<void>;
  /** `GET /processes/{id}/invitations` (private processes) */
  getInvitations(processId: Identifier): Promise<{ data: ProcessInvitation[] }>;
  /** `POST /processes/{id}/invitations` */
  invitePeople(processId: Identifier, personIds: Identifier[]): Promise<void>;
  /** `DELETE /processes/{id}/invitations/{personId}` */
  uninvitePerson(processId: Identifier, personId: Identifier): Promise<void>;
}

export const processEndpoints: ProcessEndpoints = {
  async updateProcess(id, changes) {
    const { json } = await apiRequest<Process>(processPath(id), { method: 'PATCH', body: changes });
    return { data: json };
  },

  async closeProcess(id) {
    const { json } = await apiRequest<Process>(`${processPath(id)}/close`, { method: 'POST' });
    return { data: json };
  },

  async copyProcess(id, input) {
    const { json } = await apiRequest<Process>(`${processPath(id)}/copy`, { method: 'POST', body: input });
    return { data: json };
  },

  async getPhases(processId) {
    const { json } = await apiRequest<{ data: Phase[] }>(`${processPath(processId)}/phases`);
    return { data: json.data };
  },

  async createPhase(processId, input) {
    const { json } = await apiRequest<Phase>(`${processPath(processId)}/phases`, { method: 'POST', body: input });
    return { data: json };
  },

  async updatePhase(processId, phaseId, changes) {
    const { json } = await apiRequest<Phase>(phasePath(processId, phaseId), { method: 'PATCH', body: changes });
    return { data: json };
  },

  async deletePhase(processId, phaseId) {
    await apiRequest<void>(phasePath(processId, phaseId), { method: 'DELETE' });
  },

  async activatePhase(processId, phaseId) {
    const { json } = await apiRequest<Phase>(`${phasePath(processId, phaseId)}/activate`, { method: 'POST' });
    return { data: json };
  },

  async getProcessRoles(processId) {
    const { json } = await apiRequest<{ data: ProcessRoleAssignment[] }>(`${processPath(processId)}/roles`);
    return { data: json.data };
  },

  async assignProcessRole(processId, personId, role) {
    await apiRequest<ProcessRoleAssignment>(`${processPath(processId)}/roles`, {
      method: 'POST',
      body: { personId, role },
    });
  },

  async removeProcessRole(processId, personId, role) {
    await apiRequest<void>(
      `${processPath(processId)}/roles/${encodeURIComponent(String(personId))}/${encodeURIComponent(role)}`,
      { method: 'DELETE' },
    );
  },

  async getInvitations(processId) {
    const { json } = await apiRequest<{ data: ProcessInvitation[] }>(`${processPath(processId)}/invitations`);
    return { data: json.data };
  },

  async invitePeople(processId, personIds) {
    await apiRequest<unknown>(`${processPath(processId)}/invitations`, { method: 'POST', body: { personIds } });
  },

  async uninvitePerson(processId, personId) {
    await apiRequest<void>(`${processPath(processId)}/invitations/${encodeURIComponent(String(personId))}`, {
      method: 'DELETE',
    });
  },
};
