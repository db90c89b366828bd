import type { AnswersImportReport, Page, Process, Proposal } from '@convergences/contracts';
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';

interface Problem {
  status: number;
  code: string;
  errors?: { path: string }[];
  details?: Record<string, unknown>;
}

const demoSlug = 'innover-ensemble-pour-nos-territoires';

describe('official answers, through the gateway', () => {
  let process: Process;
  let proposal: Proposal;

  beforeAll(async () => {
    process = (await api<Process>('GET', `/api/v1/processes/${demoSlug}`)).body;
    const page = await api<Page<Proposal>>('GET', `/api/v1/processes/${process.id}/proposals?sort=createdAt`);
    proposal = page.body.data.find((p) => !p.answer)!;
    expect(proposal).toMatchObject({ processId: process.id, state: 'published', answer: null });
  });

  const answer = (as: string, body: Record<string, unknown>) =>
    api<Proposal & Problem>('PUT', `/api/v1/proposals/${proposal.id}/answer`, { as, body });

  it('refuses alice, a cost of −5 and an acceptance without its costs, with clear problems', async () => {
    const refused = await answer('alice', { state: 'evaluating' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('role_required');

    const negative = await answer('admin', { state: 'accepted', costCents: -5 });
    expect(negative.status).toBe(400);
    expect(negative.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(negative.body.errors?.map((e) => e.path)).toEqual(['costCents']);

    // The demo consultation states the costs of what it accepts.
    const incomplete = await answer('admin', { state: 'accepted', body: { fr: 'Retenue.' } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors?.map((e) => e.path)).toEqual(['costCents', 'costReport', 'executionPeriod']);
    expect((await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`)).body.answer).toBeNull();
  });

  it('lets the admin answer a demo proposal, shown to alice only once published', async () => {
    const given = await answer('admin', {
      state: 'accepted',
      body: { fr: 'Retenue : un garage solidaire ouvrira en 2027.', en: 'Selected: opening in 2027.' },
      costCents: 4_500_000,
      costReport: { fr: 'Investissement du budget participatif.' },
      executionPeriod: '2027',
    });
    expect(given.status).toBe(200);
    expect(given.body.answer).toMatchObject({ state: 'accepted', costCents: 4_500_000, publishedAt: null });
    expect((await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`, { as: 'alice' })).body.answer).toBeNull();

    expect((await api('POST', `/api/v1/processes/${process.id}/answers/publish`, { as: 'alice' })).status).toBe(403);
    const publishing = await api<{ published: number }>('POST', `/api/v1/processes/${process.id}/answers/publish`, {
      as: 'admin',
    });
    expect(publishing.status).toBe(200);
    expect(publishing.body.published).toBeGreaterThanOrEqual(1);
    const seen = await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`, { as: 'alice' });
    expect(seen.body.answer).toMatchObject({
      state: 'accepted',
      body: { fr: 'Retenue : un garage solidaire ouvrira en 2027.' },
      costCents: 4_500_000,
      publishedAt: expect.any(String),
    });
  });

  it('reports a CSV with unknown ids and changes nothing', async () => {
    const before = (await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`)).body;
    const unknown = randomUUID();
    const csv = ['id;state;answer/fr', `${proposal.id};rejected;Finalement non.`, `${unknown};evaluating;`].join('\n');
    const path = `/api/v1/processes/${process.id}/answers/import`;

    const preview = await api<AnswersImportReport>('POST', path, { as: 'admin', body: { csv, dryRun: true } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, rows: 2, applied: 0 });
    expect(preview.body.rejected).toEqual([
      { line: 3, id: unknown, reason: 'unknown_id', message: 'no such proposal' },
    ]);

    const real = await api<Problem>('POST', path, { as: 'admin', body: { csv } });
    expect(real.status).toBe(400);
    expect(real.body.code).toBe('validation_failed');
    expect(real.body.errors).toEqual([expect.objectContaining({ path: 'csv.line.3' })]);
    expect((await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`)).body).toEqual(before);

    expect((await api('POST', path, { as: 'alice', body: { csv, dryRun: true } })).status).toBe(403);
  });

  it('documents its endpoints', async () => {
    const document = await api<{ paths: Record<string, unknown> }>('GET', '/api/docs/openapi.json');
    for (const path of [
      '/api/v1/proposals/{id}/answer',
      '/api/v1/processes/{id}/answers/publish',
      '/api/v1/processes/{id}/answers/import',
      '/api/v1/processes/{id}/answer-states',
      '/api/v1/processes/{id}/proposals/official',
      '/api/v1/processes/{id}/valuations/mine',
      '/api/v1/proposals/{id}/valuation',
    ]) {
      expect(document.body.paths).toHaveProperty([path]);
    }
  });
});
