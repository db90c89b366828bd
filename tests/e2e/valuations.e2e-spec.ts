import type { Me, Page, Process, Proposal } from '@convergences/contracts';
import { api, type Problem, uniqueStamp } from '../support/api';
import { activatePhase, assignProcessRole, createProcess } from '../support/processes';

const stamp = uniqueStamp;

describe('valuators’ own proposals, through the gateway', () => {
  let valuator: Me;
  let process: Process;
  /** Where the valuator holds the role too, with nothing assigned: their list stays theirs once the first role goes. */
  let elsewhere: Process;
  let assigned: Proposal;
  let notAssigned: Proposal;

  const mine = (as: string | undefined, query = '') =>
    api<Page<Proposal> & Problem>('GET', `/api/v1/valuations/mine${query}`, as ? { as } : {});
  const mineIn = (as: string, processId: string) =>
    api<Page<Proposal> & Problem>('GET', `/api/v1/processes/${processId}/valuations/mine`, { as });
  const idsOf = (page: Page<Proposal>) => page.data.map((proposal) => proposal.id);

  beforeAll(async () => {
    valuator = (await api<Me>('GET', '/api/v1/me', { as: 'valuator' })).body;
    const newProcess = (title: string) => createProcess(`${title} ${stamp()}`, 'Proposer, évaluer, répondre.');
    process = await newProcess('Budget participatif de Rodez');
    elsewhere = await newProcess('Mobilités du Ségala');
    await activatePhase(process.id, 'Propositions', { proposals: { creationEnabled: true } });
    const propose = async (as: string, title: string) => {
      const response = await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as,
        body: { title, body: 'Le détail de la proposition.' },
      });
      expect(response.status).toBe(201);
      return response.body;
    };
    assigned = await propose('alice', 'Une ressourcerie dans l’ancienne gare');
    notAssigned = await propose('bob', 'Des composteurs partagés dans chaque quartier');
    for (const { id } of [process, elsewhere]) await assignProcessRole(id, valuator.id, 'valuator');
    const assignment = await api('POST', `/api/v1/proposals/${assigned.id}/valuators`, {
      as: 'admin',
      body: { personId: valuator.id },
    });
    expect(assignment.status).toBe(201);
  });

  afterAll(async () => {
    // Other files use the demo valuator: leave their roles as they were.
    for (const { id } of [process, elsewhere]) {
      await api('DELETE', `/api/v1/processes/${id}/roles/${valuator.id}/valuator`, { as: 'admin' });
    }
  });

  it('lists to the valuator the proposals assigned to them, in every process and in one, and no other', async () => {
    const everywhere = await mine('valuator');
    expect(everywhere.status).toBe(200);
    expect(idsOf(everywhere.body)).toContain(assigned.id);
    expect(idsOf(everywhere.body)).not.toContain(notAssigned.id);

    const inProcess = await mine('valuator', `?processId=${process.id}`);
    expect(inProcess.status).toBe(200);
    expect(inProcess.body).toMatchObject({ meta: { total: 1, page: 1, perPage: 25 } });
    expect(idsOf(inProcess.body)).toEqual([assigned.id]);
    expect(idsOf((await mineIn('valuator', process.id)).body)).toEqual([assigned.id]);
  });

  it('shows the valuator their drafted answer, held from the public', async () => {
    const drafted = await api<Proposal>('PUT', `/api/v1/proposals/${assigned.id}/answer`, {
      as: 'valuator',
      body: { state: 'evaluating', body: { fr: 'Un local est à trouver avec la commune.' } },
    });
    expect(drafted.status).toBe(200);
    const listed = await mine('valuator', `?processId=${process.id}&unanswered=false`);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        id: assigned.id,
        answer: expect.objectContaining({ state: 'evaluating', publishedAt: null }),
      }),
    ]);
    expect((await mine('valuator', `?processId=${process.id}&unanswered=true`)).body.meta.total).toBe(0);
    expect((await api<Proposal>('GET', `/api/v1/proposals/${assigned.id}`)).body.answer).toBeNull();
  });

  it('refuses a participant with 403, an anonymous caller with 401 and a bad query with 400', async () => {
    for (const refused of [await mine('alice'), await mineIn('alice', process.id)]) {
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('role_required');
    }
    expect((await mine(undefined)).status).toBe(401);
    const badProcess = await mine('valuator', '?processId=rodez');
    expect(badProcess.status).toBe(400);
    expect(badProcess.body.errors?.map((e) => e.path)).toEqual(['processId']);
    expect((await mine('valuator', '?sort=title')).status).toBe(400);
  });

  it('takes the proposals of a process off the list once the valuator role there is taken away', async () => {
    const removed = await api('DELETE', `/api/v1/processes/${process.id}/roles/${valuator.id}/valuator`, {
      as: 'admin',
    });
    expect(removed.status).toBe(204);
    const everywhere = await mine('valuator');
    expect(everywhere.status).toBe(200);
    expect(idsOf(everywhere.body)).not.toContain(assigned.id);
    const there = await mine('valuator', `?processId=${process.id}`);
    expect(there.status).toBe(403);
    expect(there.body.code).toBe('role_required');
  });

  it('documents its endpoint', async () => {
    const document = await api<{ paths: Record<string, unknown> }>('GET', '/api/docs/openapi.json');
    expect(document.body.paths).toHaveProperty(['/api/v1/valuations/mine']);
  });
});
