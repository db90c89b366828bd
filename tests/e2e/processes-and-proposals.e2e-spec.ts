import type { Page, Process, Proposal } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { api } from '../support/api';

const demoSlug = 'innover-ensemble-pour-nos-territoires';

async function createProcess(title: string, status: 'draft' | 'published' = 'draft'): Promise<Process> {
  const response = await api<Process>('POST', '/api/v1/processes', {
    as: 'admin',
    body: { title: { fr: title, en: `${title} (en)` }, description: { fr: 'Une concertation de test.' }, status },
  });
  expect(response.status).toBe(201);
  return response.body;
}

describe('processes through the gateway', () => {
  it('lets a platform admin create a draft, hidden from the public until published', async () => {
    const title = `Concertation sur les mobilités ${Date.now()}`;
    const created = await api<Process>('POST', '/api/v1/processes', {
      as: 'admin',
      body: { title: { fr: title }, description: { fr: 'Les mobilités du quotidien.' } },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/processes/${created.body.id}`);
    expect(created.body).toMatchObject({ status: 'draft', title: { fr: title }, proposalsCount: 0 });

    const publicList = await api<Page<Process>>('GET', `/api/v1/processes?q=${encodeURIComponent(title)}`);
    expect(publicList.body.meta.total).toBe(0);
    expect((await api('GET', `/api/v1/processes/${created.body.id}`)).status).toBe(404);
    expect((await api('GET', `/api/v1/processes/${created.body.id}`, { as: 'admin' })).status).toBe(200);

    const published = await api<Process>('POST', `/api/v1/processes/${created.body.id}/publish`, { as: 'admin' });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const afterwards = await api<Page<Process>>('GET', `/api/v1/processes?q=${encodeURIComponent(title)}`);
    expect(afterwards.body.data.map((p) => p.id)).toEqual([created.body.id]);
    expect((await api<Process>('GET', `/api/v1/processes/${created.body.slug}`)).body.id).toBe(created.body.id);
  });

  it('refuses process creation to a participant (403) and to an anonymous caller (401)', async () => {
    const body = { title: { fr: 'Concertation refusée' }, description: { fr: 'Non.' } };
    const asAlice = await api('POST', '/api/v1/processes', { as: 'alice', body });
    expect(asAlice.status).toBe(403);
    expect(asAlice.body).toMatchObject({ code: 'forbidden' });
    expect((await api('POST', '/api/v1/processes', { body })).status).toBe(401);
    expect((await api<Page<Process>>('GET', '/api/v1/processes?q=refus%C3%A9e', { as: 'admin' })).body.meta.total).toBe(
      0,
    );
  });

  it('answers invalid input with 400 and the invalid fields, and writes nothing', async () => {
    const before = (await api<Page<Process>>('GET', '/api/v1/processes?perPage=1', { as: 'admin' })).body.meta.total;
    const response = await api<{ errors: { path: string }[] }>('POST', '/api/v1/processes', {
      as: 'admin',
      body: { title: { fr: '' }, description: { fr: 'x' }, slug: 'Not A Slug', colour: 'red' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
    expect(response.body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['title.fr', 'slug']));
    const after = (await api<Page<Process>>('GET', '/api/v1/processes?perPage=1', { as: 'admin' })).body.meta.total;
    expect(after).toBe(before);
  });

  it('paginates and sorts the same way everywhere', async () => {
    const stamp = Date.now();
    for (const letter of ['C', 'A', 'B']) await createProcess(`${letter} tri ${stamp}`, 'published');
    const first = await api<Page<Process>>('GET', `/api/v1/processes?q=tri%20${stamp}&sort=title&perPage=2`);
    expect(first.body.meta).toEqual({ total: 3, page: 1, perPage: 2 });
    expect(first.body.data.map((p) => p.title.fr[0])).toEqual(['A', 'B']);
    const second = await api<Page<Process>>('GET', `/api/v1/processes?q=tri%20${stamp}&sort=-title&perPage=2&page=2`);
    expect(second.body.data.map((p) => p.title.fr[0])).toEqual(['A']);
    for (const query of ['perPage=101', 'page=0', 'sort=popularity']) {
      const invalid = await api('GET', `/api/v1/processes?${query}`);
      expect(invalid.status).toBe(400);
    }
  });
});

describe('proposals through the gateway', () => {
  it('lets alice propose in the demo consultation; the proposal is public and counted by processes', async () => {
    const demo = await api<Process>('GET', `/api/v1/processes/${demoSlug}`);
    expect(demo.status).toBe(200);
    const title = `Un atelier vélo solidaire au centre-bourg ${Date.now()}`;
    const created = await api<Proposal>('POST', `/api/v1/processes/${demo.body.id}/proposals`, {
      as: 'alice',
      body: { title, body: 'Réparer, apprendre et partager les outils.' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title,
      authorName: 'Alice Martin',
      state: 'published',
      processId: demo.body.id,
    });
    expect(created.body.reference).toMatch(/^PROP-\d{4}-\d{6}$/);

    const list = await api<Page<Proposal>>('GET', `/api/v1/processes/${demoSlug}/proposals?sort=recent&perPage=5`);
    expect(list.status).toBe(200);
    expect(list.body.data[0]).toMatchObject({ id: created.body.id, title });
    expect((await api<Proposal>('GET', `/api/v1/proposals/${created.body.id}`)).body.title).toBe(title);

    // processes keeps its count from events.proposals.proposal.created
    await eventually(async () => {
      const process = await api<Process>('GET', `/api/v1/processes/${demo.body.id}`);
      expect(process.body.proposalsCount).toBe(demo.body.proposalsCount + 1);
    });
  });

  it('refuses a proposal without a token (401) and with a title of 3 characters (400), creating nothing', async () => {
    const before = (await api<Page<Proposal>>('GET', `/api/v1/processes/${demoSlug}/proposals`)).body.meta.total;
    const anonymous = await api('POST', `/api/v1/processes/${demoSlug}/proposals`, {
      body: { title: 'Une proposition anonyme', body: 'Texte' },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/problem\+json/);
    const short = await api<{ errors: { path: string }[] }>('POST', `/api/v1/processes/${demoSlug}/proposals`, {
      as: 'alice',
      body: { title: 'Vél', body: 'Texte' },
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ path: 'title' })]);
    const after = (await api<Page<Proposal>>('GET', `/api/v1/processes/${demoSlug}/proposals`)).body.meta.total;
    expect(after).toBe(before);
  });

  it('makes a retried creation with the same Idempotency-Key harmless', async () => {
    const key = `retry-${Date.now()}`;
    const body = { title: `Une ressourcerie dans chaque quartier ${key}`, body: 'Collecter, réparer, revendre.' };
    const [first, second] = await Promise.all(
      [1, 2].map(() =>
        api<Proposal>('POST', `/api/v1/processes/${demoSlug}/proposals`, {
          as: 'bob',
          body,
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const found = await api<Page<Proposal>>('GET', `/api/v1/proposals?q=${encodeURIComponent(key)}`);
    expect(found.body.meta.total).toBe(1);
  });

  it('refuses proposals in a process that is not published', async () => {
    const draft = await createProcess(`Brouillon ${Date.now()}`);
    const body = { title: 'Une proposition trop tôt venue', body: 'Texte' };
    const asAdmin = await api('POST', `/api/v1/processes/${draft.id}/proposals`, { as: 'admin', body });
    expect(asAdmin.status).toBe(422);
    expect(asAdmin.body).toMatchObject({ code: 'process_not_published' });
    const asAlice = await api('POST', `/api/v1/processes/${draft.id}/proposals`, { as: 'alice', body });
    expect(asAlice.status).toBe(404);
  });
});

describe('the HTTP edge', () => {
  it('serves liveness, readiness and the OpenAPI 3.1 document', async () => {
    expect((await api('GET', '/health')).status).toBe(200);
    const ready = await api<{ checks: Record<string, boolean> }>('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({
      postgres: true,
      nats: true,
      members: true,
      processes: true,
      proposals: true,
      debates: true,
      evaluations: true,
    });
    const document = await api<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/docs/openapi.json');
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/processes',
        '/api/v1/processes/{idOrSlug}/proposals',
        '/api/v1/proposals/{id}',
      ]),
    );
    expect(Object.keys(document.body.components.schemas)).toEqual(
      expect.arrayContaining(['Process', 'Proposal', 'Problem']),
    );
    const ui = await api<string>('GET', '/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('sets security headers and a request id, and allows only configured front ends', async () => {
    const response = await api('GET', '/api/v1/processes', { headers: { 'x-request-id': 'trace-me-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();

    const allowed = process.env.ADMIN_UI_URL!;
    const preflight = await api('OPTIONS', '/api/v1/processes', {
      headers: {
        origin: allowed,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    const foreign = await api('GET', '/api/v1/processes', { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits body size and rejects malformed JSON', async () => {
    const huge = await api('POST', `/api/v1/processes/${demoSlug}/proposals`, {
      as: 'alice',
      rawBody: JSON.stringify({ title: 'Une proposition bien trop longue', body: 'x'.repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'payload_too_large' });
    const broken = await api('POST', `/api/v1/processes/${demoSlug}/proposals`, { as: 'alice', rawBody: '{"title": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'bad_request' });
    expect((await api('GET', '/api/v1/nowhere')).body).toMatchObject({ status: 404, code: 'not_found' });
  });
});
