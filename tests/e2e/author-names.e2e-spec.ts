import type { Page, Proposal } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api } from '../support/api';

describe("authors' names across services", () => {
  afterAll(async () => {
    await api('PATCH', '/api/v1/me', { as: 'alice', body: { displayName: 'Alice Martin' } });
  });

  it('shows the name a participant chooses on the proposals they wrote, through events', async () => {
    const title = `Des jardins partagés au pied des immeubles ${Date.now()}`;
    const created = await api<Proposal>('POST', '/api/v1/processes/innover-ensemble-pour-nos-territoires/proposals', {
      as: 'alice',
      body: { title, body: 'Cultiver ensemble, entre voisins.' },
    });
    expect(created.status).toBe(201);
    expect(created.body.authorName).toBe('Alice Martin');

    const renamed = await api('PATCH', '/api/v1/me', { as: 'alice', body: { displayName: 'Alice M.' } });
    expect(renamed.status).toBe(200);
    await eventually(async () => {
      const proposal = await api<Proposal>('GET', `/api/v1/proposals/${created.body.id}`);
      expect(proposal.body.authorName).toBe('Alice M.');
    });
    const listed = await api<Page<Proposal>>('GET', `/api/v1/proposals?q=${encodeURIComponent(title)}`);
    expect(listed.body.data[0].authorName).toBe('Alice M.');
  });
});
