import type {
  Campaign,
  CampaignPerson,
  CampaignRoleValue,
  Page,
  PeerAssignment,
  Subject,
  campaignTransitionBodySchema,
} from '@convergences/contracts';
import type { z } from 'zod';
import { apiRequest } from '../dataProvider';
import type { PickedPerson } from './PersonPicker';

export type CampaignTransition = z.infer<typeof campaignTransitionBodySchema>['to'];

const id = (value: string) => encodeURIComponent(value);
const campaignPath = (campaignId: string) => `/campaigns/${id(campaignId)}`;
const subjectPath = (campaignId: string, subjectId: string) => `${campaignPath(campaignId)}/subjects/${id(subjectId)}`;

/** A campaign's endpoints beyond list/read/create/update: its states, its people, its subjects and their peers. */
export const campaignApi = {
  /** `POST /campaigns/{id}/transitions { to }`: draft → open → review → closed. */
  async transition(campaignId: string, to: CampaignTransition): Promise<Campaign> {
    return (await apiRequest<Campaign>(`${campaignPath(campaignId)}/transitions`, { method: 'POST', body: { to } }))
      .json;
  },

  /** `GET /campaigns/{id}/people`: its coordinators and committee. */
  async people(campaignId: string): Promise<CampaignPerson[]> {
    return (await apiRequest<{ data: CampaignPerson[] }>(`${campaignPath(campaignId)}/people`)).json.data;
  },
  /** Names a person, by id (admins' search) or by nickname (everyone else's). */
  async addPerson(campaignId: string, person: PickedPerson, role: CampaignRoleValue): Promise<CampaignPerson> {
    const path = `${campaignPath(campaignId)}/people`;
    return (await apiRequest<CampaignPerson>(path, { method: 'POST', body: { ...person, role } })).json;
  },
  async removePerson(campaignId: string, personId: string, role: CampaignRoleValue): Promise<void> {
    await apiRequest<void>(`${campaignPath(campaignId)}/people/${id(personId)}`, {
      method: 'DELETE',
      query: { role },
    });
  },

  /** `GET /campaigns/{id}/subjects` (the first 100, by name). */
  async subjects(campaignId: string): Promise<{ data: Subject[]; total: number }> {
    const { json } = await apiRequest<Page<Subject>>(`${campaignPath(campaignId)}/subjects`, {
      query: { perPage: 100, sort: 'name' },
    });
    return { data: json.data, total: json.meta.total };
  },
  async subject(campaignId: string, subjectId: string): Promise<Subject> {
    return (await apiRequest<Subject>(subjectPath(campaignId, subjectId))).json;
  },
  async addSubject(campaignId: string, organizationId: string): Promise<Subject> {
    const path = `${campaignPath(campaignId)}/subjects`;
    return (await apiRequest<Subject>(path, { method: 'POST', body: { organizationId } })).json;
  },
  /** `PATCH /campaigns/{id}/subjects/{subjectId} { shownInResults }`: whether it may be named in the results. */
  async setConsent(campaignId: string, subjectId: string, shownInResults: boolean): Promise<Subject> {
    const path = subjectPath(campaignId, subjectId);
    return (await apiRequest<Subject>(path, { method: 'PATCH', body: { shownInResults } })).json;
  },
  async removeSubject(campaignId: string, subjectId: string): Promise<void> {
    await apiRequest<void>(subjectPath(campaignId, subjectId), { method: 'DELETE' });
  },

  async peers(campaignId: string, subjectId: string): Promise<PeerAssignment[]> {
    return (await apiRequest<{ data: PeerAssignment[] }>(`${subjectPath(campaignId, subjectId)}/peers`)).json.data;
  },
  async assignPeer(campaignId: string, subjectId: string, person: PickedPerson): Promise<PeerAssignment> {
    const path = `${subjectPath(campaignId, subjectId)}/peers`;
    return (await apiRequest<PeerAssignment>(path, { method: 'POST', body: person })).json;
  },
  async unassignPeer(campaignId: string, subjectId: string, personId: string): Promise<void> {
    await apiRequest<void>(`${subjectPath(campaignId, subjectId)}/peers/${id(personId)}`, { method: 'DELETE' });
  },
};

/** Where a campaign may go from where it is. */
export const nextStates: Record<Campaign['status'], CampaignTransition | undefined> = {
  draft: 'open',
  open: 'review',
  review: 'closed',
  closed: undefined,
};
