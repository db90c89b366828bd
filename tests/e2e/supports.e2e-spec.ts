import type { MySupports, Process, Proposal, Support } from '@convergences/contracts';
import { api } from '../support/api';

interface Problem {
  status: number;
  code: string;
  details?: Record<string, unknown>;
  errors?: { path: string }[];
}

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;

describe('supports, through the gateway', () => {
  let process: Process;
  let proposal: Proposal;

  beforeAll(async () => {
    process = (
      await api<Process>('POST', '/api/v1/processes', {
        as: 'admin',
        body: {
          title: { fr: `Budget participatif de Millau ${stamp()}` },
          description: { fr: 'Proposer puis soutenir.' },
          status: 'published',
          settings: { supportQuota: 2 },
        },
      })
    ).body;
    const phase = await api<{ id: string }>('POST', `/api/v1/processes/${process.id}/phases`, {
      as: 'admin',
      body: {
        title: { fr: 'Propositions et soutiens' },
        rules: { proposals: { creationEnabled: true, supportsEnabled: true } },
      },
    });
    await api('POST', `/api/v1/processes/${process.id}/phases/${phase.body.id}/activate`, { as: 'admin' });
    proposal = (
      await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as: 'bob',
        body: { title: 'Une navette gratuite vers le marché', body: 'Le samedi matin, depuis les hameaux.' },
      })
    ).body;
  });

  it('supports with 201 once per Idempotency-Key, shows it in mine, and takes it back with 204', async () => {
    const key = `support-${stamp()}`;
    const path = `/api/v1/proposals/${proposal.id}/supports`;
    const first = await api<Support>('POST', path, { as: 'alice', headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(path);
    expect(first.body).toMatchObject({ proposalId: proposal.id, processId: process.id, state: 'counted' });
    const retry = await api<Support>('POST', path, { as: 'alice', headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect((await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`)).body.supportsCount).toBe(1);

    const again = await api<Problem>('POST', path, { as: 'alice' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_supported');

    const mine = await api<MySupports>('GET', `/api/v1/processes/${process.id}/supports/mine`, { as: 'alice' });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ given: 1, quota: 2, remaining: 1, counting: true, supports: [first.body] });

    expect((await api('DELETE', path, { as: 'alice' })).status).toBe(204);
    expect((await api('DELETE', path, { as: 'alice' })).status).toBe(204);
    expect((await api<Proposal>('GET', `/api/v1/proposals/${proposal.id}`)).body.supportsCount).toBe(0);
  });

  it('answers 401 without a token, 400 for a bad id or body, 422 with the process rule otherwise', async () => {
    const path = `/api/v1/proposals/${proposal.id}/supports`;
    expect((await api<Problem>('POST', path)).status).toBe(401);
    const badId = await api<Problem>('POST', '/api/v1/proposals/not-a-uuid/supports', { as: 'alice' });
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.map((e) => e.path)).toEqual(['proposalId']);
    const badBody = await api<Problem>('POST', path, { as: 'alice', body: { count: 3 } });
    expect(badBody.status).toBe(400);

    const other = (
      await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as: 'bob',
        body: { title: 'Des bancs à l’ombre sur le mail', body: 'Pour les aînés, près des platanes.' },
      })
    ).body;
    const third = (
      await api<Proposal>('POST', `/api/v1/processes/${process.id}/proposals`, {
        as: 'bob',
        body: { title: 'Un atelier vélo à la maison des jeunes', body: 'Réparer ensemble, un soir par semaine.' },
      })
    ).body;
    // Not carole: another e2e file deletes her account in every run.
    for (const id of [proposal.id, other.id]) {
      expect((await api('POST', `/api/v1/proposals/${id}/supports`, { as: 'valuator' })).status).toBe(201);
    }
    const over = await api<Problem>('POST', `/api/v1/proposals/${third.id}/supports`, { as: 'valuator' });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'quota_reached', details: { quota: 2 } });
  });
});
