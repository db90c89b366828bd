import type { Endorsement, Page, Phase, Process, Proposal, SimilarProposals } from '@convergences/contracts';
import { api } from '../support/api';

const demoSlug = 'innover-ensemble-pour-nos-territoires';

/** A published process of our own with these settings and a phase opening proposals and endorsements. */
async function openProcess(settings: Record<string, unknown>): Promise<Process> {
  const created = await api<Process>('POST', '/api/v1/processes', {
    as: 'admin',
    body: {
      title: { fr: `Cycle de vie des propositions ${Date.now()}` },
      description: { fr: 'Une concertation de test.' },
      status: 'published',
      settings,
    },
  });
  expect(created.status).toBe(201);
  const phase = await api<Phase>('POST', `/api/v1/processes/${created.body.id}/phases`, {
    as: 'admin',
    body: { title: { fr: 'Propositions' }, rules: { proposals: { creationEnabled: true, endorsementsEnabled: true } } },
  });
  expect(phase.status).toBe(201);
  const activated = await api('POST', `/api/v1/processes/${created.body.id}/phases/${phase.body.id}/activate`, {
    as: 'admin',
  });
  expect(activated.status).toBe(200);
  return created.body;
}

describe('a proposal from draft to withdrawal, through the gateway', () => {
  it('drafts, edits, publishes and withdraws a proposal; the draft is its author’s alone', async () => {
    const process = await openProcess({ editWindowMinutes: 30 });
    const title = `Un atelier vélo au marché ${Date.now()}`;
    const draft = await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
      as: 'alice',
      body: { title, body: 'Réparer son vélo le samedi matin.', draft: true },
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', reference: null });
    const id = draft.body.id;
    expect((await api('GET', `/api/v1/proposals/${id}`, { as: 'alice' })).status).toBe(200);
    expect((await api('GET', `/api/v1/proposals/${id}`, { as: 'bob' })).status).toBe(404);
    expect((await api('GET', `/api/v1/proposals/${id}`)).status).toBe(404);

    const short = await api<{ code: string; errors: { path: string }[] }>('PATCH', `/api/v1/proposals/${id}`, {
      as: 'alice',
      body: { title: 'Vél' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e) => e.path)).toEqual(['title']);
    const edited = await api<Proposal>('PATCH', `/api/v1/proposals/${id}`, {
      as: 'alice',
      body: { body: 'Réparer son vélo le samedi matin, avec des bénévoles.' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Réparer son vélo le samedi matin, avec des bénévoles.');

    const published = await api<Proposal>('POST', `/api/v1/proposals/${id}/publish`, { as: 'alice' });
    expect(published.status).toBe(200);
    expect(published.body.reference).toMatch(/^PROP-\d{4}-\d{6}$/);
    expect((await api('GET', `/api/v1/proposals/${id}`)).status).toBe(200);

    const similar = await api<SimilarProposals>(
      'GET',
      `/api/v1/processes/${process.slug}/proposals/similar?title=${encodeURIComponent('atelier de réparation vélo')}`,
    );
    expect(similar.status).toBe(200);
    expect(similar.body.data[0]).toMatchObject({ id, score: expect.any(Number) });

    const endorsed = await api<Endorsement>('POST', `/api/v1/proposals/${id}/endorsements`, { as: 'bob', body: {} });
    expect(endorsed.status).toBe(201);
    const endorsers = await api<Page<Endorsement>>('GET', `/api/v1/proposals/${id}/endorsements`);
    expect(endorsers.body.data).toEqual([expect.objectContaining({ personId: endorsed.body.personId })]);
    expect((await api('DELETE', `/api/v1/proposals/${id}/endorsements`, { as: 'bob' })).status).toBe(204);
    expect((await api<Page<Endorsement>>('GET', `/api/v1/proposals/${id}/endorsements`)).body.meta.total).toBe(0);

    expect((await api('POST', `/api/v1/proposals/${id}/withdraw`, { as: 'bob' })).status).toBe(403);
    const withdrawn = await api<Proposal>('POST', `/api/v1/proposals/${id}/withdraw`, { as: 'alice' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    const again = await api<{ code: string }>('POST', `/api/v1/proposals/${id}/withdraw`, { as: 'alice' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('proposal_withdrawn');

    const other = await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
      as: 'alice',
      body: { title: `Un second brouillon à jeter ${Date.now()}`, body: 'À supprimer.', draft: true },
    });
    expect((await api('DELETE', `/api/v1/proposals/${other.body.id}`, { as: 'alice' })).status).toBe(204);
    expect((await api('GET', `/api/v1/proposals/${other.body.id}`, { as: 'alice' })).status).toBe(404);
  });

  it('holds the proposal limit of a process', async () => {
    const process = await openProcess({ proposalLimit: 1 });
    const submit = () =>
      api<Proposal & { code: string }>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as: 'bob',
        body: { title: `Une seule proposition permise ${Date.now()}`, body: 'Une seule.' },
      });
    expect((await submit()).status).toBe(201);
    const refused = await submit();
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('proposal_limit_reached');
  });

  it('still publishes at once in the demo consultation, and refuses a place where geolocation is off', async () => {
    const demo = await api<Process>('GET', `/api/v1/processes/${demoSlug}`);
    const located = await api<{ code: string; errors: { path: string }[] }>(
      'POST',
      `/api/v1/processes/${demoSlug}/proposals`,
      {
        as: 'alice',
        body: {
          title: 'Des bancs à l’ombre sur la place',
          body: 'Pour les après-midi d’été.',
          ...(demo.body.settings.geolocationEnabled ? { latitude: 44 } : { address: 'Place de la Mairie' }),
        },
      },
    );
    expect(located.status).toBe(400);
    expect(located.body.code).toBe('validation_failed');
  });
});
