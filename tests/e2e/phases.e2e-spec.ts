import type { Page, PermissionDecision, Phase, Process, Proposal } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api } from '../support/api';

interface Problem {
  status: number;
  code: string;
  detail: string;
  details?: Record<string, unknown>;
  errors?: { path: string }[];
}

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;

async function createProcess(title: string, extra: Record<string, unknown> = {}): Promise<Process> {
  const response = await api<Process>('POST', '/api/v1/processes', {
    as: 'admin',
    body: { title: { fr: title }, description: { fr: 'Une concertation en trois phases.' }, ...extra },
  });
  expect(response.status).toBe(201);
  return response.body;
}

async function addPhase(processId: string, body: Record<string, unknown>): Promise<Phase> {
  const response = await api<Phase>('POST', `/api/v1/processes/${processId}/phases`, { as: 'admin', body });
  expect(response.status).toBe(201);
  expect(response.headers.get('location')).toBe(`/api/v1/processes/${processId}/phases/${response.body.id}`);
  return response.body;
}

const propose = (processId: string, title: string, as = 'alice') =>
  api<Proposal & Problem>('POST', `/api/v1/processes/${processId}/proposals`, {
    as,
    body: { title, body: 'Une proposition pour le territoire.' },
  });

describe('a consultation in phases, through the gateway', () => {
  it('runs information → proposals → supports, each phase enforcing its rules for proposals', async () => {
    const process = await createProcess(`Concertation du Pays d’Uzès ${stamp()}`, { status: 'published' });
    const information = await addPhase(process.id, {
      title: { fr: 'Information', en: 'Information' },
      rules: { comments: { enabled: true } },
    });
    const proposing = await addPhase(process.id, {
      title: { fr: 'Propositions', en: 'Proposals' },
      rules: { proposals: { creationEnabled: true } },
    });
    const supporting = await addPhase(process.id, {
      title: { fr: 'Soutiens', en: 'Supports' },
      rules: { proposals: { supportsEnabled: true } },
    });
    const phases = await api<{ data: Phase[] }>('GET', `/api/v1/processes/${process.id}/phases`);
    expect(phases.body.data.map((p) => p.title.fr)).toEqual(['Information', 'Propositions', 'Soutiens']);

    const activate = (phaseId: string) =>
      api<Phase>('POST', `/api/v1/processes/${process.id}/phases/${phaseId}/activate`, { as: 'admin' });
    expect((await activate(information.id)).status).toBe(200);
    const before = (await api<Page<Proposal>>('GET', `/api/v1/processes/${process.id}/proposals`)).body.meta.total;

    const refused = await propose(process.id, 'Une proposition pendant la phase d’information');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'phase_closed',
      details: { processId: process.id, action: 'create_proposal', activePhaseId: information.id },
    });
    const decision = await api<PermissionDecision>(
      'GET',
      `/api/v1/processes/${process.id}/permissions/create_proposal`,
      { as: 'alice' },
    );
    expect(decision.status).toBe(200);
    expect(decision.body).toMatchObject({ allowed: false, reason: 'phase_closed', phaseId: information.id });

    expect((await activate(proposing.id)).body).toMatchObject({ id: proposing.id, active: true });
    expect((await api<Process>('GET', `/api/v1/processes/${process.slug}`)).body.activePhaseId).toBe(proposing.id);
    const accepted = await propose(process.id, 'Une proposition pendant la phase de propositions');
    expect(accepted.status).toBe(201);

    await activate(supporting.id);
    expect((await propose(process.id, 'Une proposition pendant la phase de soutiens')).body.code).toBe('phase_closed');
    const support = await api<PermissionDecision>(
      'GET',
      `/api/v1/processes/${process.id}/permissions/support_proposal`,
      { as: 'alice' },
    );
    expect(support.body).toMatchObject({ allowed: true, phaseId: supporting.id });
    expect((await api<Page<Proposal>>('GET', `/api/v1/processes/${process.id}/proposals`)).body.meta.total).toBe(
      before + 1,
    );
  });

  it('lets an admin edit the rules of the active phase, in force at once', async () => {
    const process = await createProcess(`Ateliers vélo de Nîmes ${stamp()}`, { status: 'published' });
    const phase = await addPhase(process.id, { title: { fr: 'Propositions' } });
    await api('POST', `/api/v1/processes/${process.id}/phases/${phase.id}/activate`, { as: 'admin' });
    expect((await propose(process.id, 'Un atelier de réparation mobile')).status).toBe(422);

    const opened = await api<Phase>('PATCH', `/api/v1/processes/${process.id}/phases/${phase.id}`, {
      as: 'admin',
      body: { rules: { proposals: { creationEnabled: true } } },
    });
    expect(opened.status).toBe(200);
    expect(opened.body.rules.proposals.creationEnabled).toBe(true);
    expect((await propose(process.id, 'Un atelier de réparation mobile')).status).toBe(201);
  });

  it('refuses phase management to participants (403) and anonymous callers (401), and bad phases (400)', async () => {
    const process = await createProcess(`Énergie citoyenne à Alès ${stamp()}`);
    const body = { title: { fr: 'Phase refusée' } };
    expect((await api('POST', `/api/v1/processes/${process.id}/phases`, { as: 'alice', body })).status).toBe(403);
    expect((await api('POST', `/api/v1/processes/${process.id}/phases`, { body })).status).toBe(401);
    const invalid = await api<Problem>('POST', `/api/v1/processes/${process.id}/phases`, {
      as: 'admin',
      body: { title: { fr: '' }, startsAt: 'demain', autoActivate: true, rules: { proposals: { voting: true } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['title.fr', 'startsAt']));
    expect(
      (await api<{ data: Phase[] }>('GET', `/api/v1/processes/${process.id}/phases`, { as: 'admin' })).body.data,
    ).toEqual([]);
  });

  it('activates a scheduled phase by itself at its start date', async () => {
    const process = await createProcess(`Soutiens programmés à Lunel ${stamp()}`, { status: 'published' });
    const scheduled = await addPhase(process.id, {
      title: { fr: 'Propositions' },
      startsAt: new Date(Date.now() + 1500).toISOString(),
      autoActivate: true,
      rules: { proposals: { creationEnabled: true } },
    });
    expect((await propose(process.id, 'Trop tôt pour proposer quoi que ce soit')).status).toBe(422);
    await eventually(async () => {
      const current = await api<Process>('GET', `/api/v1/processes/${process.id}`);
      expect(current.body.activePhaseId).toBe(scheduled.id);
    }, 10_000);
    expect((await propose(process.id, 'Juste à temps pour proposer quelque chose')).status).toBe(201);
  });

  it('keeps a private process invisible to people not invited, in lists, details and counts', async () => {
    const title = `Groupe de travail privé ${stamp()}`;
    const process = await createProcess(title, { status: 'published', visibility: 'private' });
    const query = `/api/v1/processes?q=${encodeURIComponent(title)}`;
    for (const who of [undefined, 'alice']) {
      const list = await api<Page<Process>>('GET', query, { as: who });
      expect(list.body).toEqual({ data: [], meta: { total: 0, page: 1, perPage: 25 } });
      expect((await api('GET', `/api/v1/processes/${process.id}`, { as: who })).status).toBe(404);
      expect((await api('GET', `/api/v1/processes/${process.id}/phases`, { as: who })).status).toBe(404);
      expect((await api('GET', `/api/v1/processes/${process.id}/proposals`, { as: who })).status).toBe(404);
    }
    expect((await api<Page<Process>>('GET', query, { as: 'admin' })).body.meta.total).toBe(1);

    // Its proposals too, once an invited person proposes: not in the list across processes, not by id.
    const alice = (await api<{ id: string }>('GET', '/api/v1/me', { as: 'alice' })).body;
    expect(
      (
        await api('POST', `/api/v1/processes/${process.id}/invitations`, {
          as: 'admin',
          body: { personIds: [alice.id] },
        })
      ).status,
    ).toBe(201);
    const phase = await addPhase(process.id, {
      title: { fr: 'Propositions' },
      rules: { proposals: { creationEnabled: true } },
    });
    await api('POST', `/api/v1/processes/${process.id}/phases/${phase.id}/activate`, { as: 'admin' });
    const secret = `Une proposition du groupe privé ${stamp()}`;
    const proposed = await propose(process.id, secret);
    expect(proposed.status).toBe(201);
    const search = `/api/v1/proposals?q=${encodeURIComponent(secret)}`;
    await eventually(async () => {
      // processes announces the process as private; proposals then leaves it out of cross-process lists.
      for (const who of [undefined, 'bob']) {
        expect((await api<Page<Proposal>>('GET', search, { as: who })).body.meta.total).toBe(0);
        expect((await api('GET', `/api/v1/proposals/${proposed.body.id}`, { as: who })).status).toBe(404);
      }
    });
    expect((await api('GET', `/api/v1/proposals/${proposed.body.id}`, { as: 'alice' })).status).toBe(200);
    expect(
      (await api<Page<Proposal>>('GET', `/api/v1/processes/${process.id}/proposals`, { as: 'alice' })).body.meta.total,
    ).toBe(1);
  });

  it('closes a process: still readable, no more participation (422 process_closed)', async () => {
    const process = await createProcess(`Budget participatif clos ${stamp()}`, { status: 'published' });
    const phase = await addPhase(process.id, {
      title: { fr: 'Propositions' },
      rules: { proposals: { creationEnabled: true } },
    });
    await api('POST', `/api/v1/processes/${process.id}/phases/${phase.id}/activate`, { as: 'admin' });
    expect((await api('POST', `/api/v1/processes/${process.id}/close`, { as: 'alice' })).status).toBe(403);
    const closed = await api<Process>('POST', `/api/v1/processes/${process.id}/close`, { as: 'admin' });
    expect(closed.body.status).toBe('closed');
    expect((await api<Process>('GET', `/api/v1/processes/${process.id}`)).body.status).toBe('closed');
    const refused = await propose(process.id, 'Une proposition après la clôture');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('process_closed');
  });

  it('lets an admin change a process and copy it into a new draft', async () => {
    const process = await createProcess(`Tiers-lieu de la gare ${stamp()}`);
    const patched = await api<Process>('PATCH', `/api/v1/processes/${process.id}`, {
      as: 'admin',
      body: { subtitle: { fr: 'Réinventer la gare' }, startDate: '2027-03-01', endDate: '2027-09-30' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ subtitle: { fr: 'Réinventer la gare' }, startDate: '2027-03-01' });
    const invalid = await api<Problem>('PATCH', `/api/v1/processes/${process.id}`, {
      as: 'admin',
      body: { endDate: '2027-01-01' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors!.map((e) => e.path)).toEqual(['endDate']);
    expect((await api<Process>('GET', `/api/v1/processes/${process.id}`, { as: 'admin' })).body.endDate).toBe(
      '2027-09-30',
    );
    const copy = await api<Process>('POST', `/api/v1/processes/${process.id}/copy`, { as: 'admin', body: {} });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'draft', subtitle: { fr: 'Réinventer la gare' } });
    expect(copy.headers.get('location')).toBe(`/api/v1/processes/${copy.body.id}`);
  });

  it('has the demo consultation open for proposals, with its supports phase scheduled', async () => {
    const demo = await api<Process>('GET', '/api/v1/processes/innover-ensemble-pour-nos-territoires');
    const phases = (await api<{ data: Phase[] }>('GET', `/api/v1/processes/${demo.body.id}/phases`)).body.data;
    expect(phases.map((p) => [p.title.fr, p.active, p.autoActivate])).toEqual([
      ['Information', false, false],
      ['Propositions', true, false],
      ['Soutiens', false, true],
      ['Résultats', false, false],
    ]);
    expect(demo.body.activePhaseId).toBe(phases[1].id);
  });
});
