import type { Process, ProcessStats, Proposal } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';

const demoSlug = 'innover-ensemble-pour-nos-territoires';

/** The day in Paris of an instant: the statistics' days. */
const parisDay = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));

describe('process statistics through the gateway', () => {
  it("count alice's proposal in the demo consultation, on today's line", async () => {
    const demo = await api<Process>('GET', `/api/v1/processes/${demoSlug}`);
    expect(demo.status).toBe(200);
    const before = await api<ProcessStats>('GET', `/api/v1/processes/${demo.body.id}/stats`);
    expect(before.status).toBe(200);

    const created = await api<Proposal>('POST', `/api/v1/processes/${demo.body.id}/proposals`, {
      as: 'alice',
      body: {
        title: `Une monnaie locale pour le bassin de vie ${Date.now()}`,
        body: 'Faire circuler la richesse ici.',
      },
    });
    expect(created.status).toBe(201);
    const today = parisDay(created.body.createdAt);
    const proposalsOn = (stats: ProcessStats) => stats.daily.find((line) => line.date === today)?.proposals ?? 0;

    const after = await eventually(async () => {
      const stats = await api<ProcessStats>('GET', `/api/v1/processes/${demo.body.id}/stats`, { as: 'alice' });
      expect(stats.status).toBe(200);
      expect(stats.body.proposals).toBeGreaterThanOrEqual(before.body.proposals + 1);
      expect(proposalsOn(stats.body)).toBeGreaterThanOrEqual(proposalsOn(before.body) + 1);
      return stats.body;
    }, 15_000);
    expect(after).toMatchObject({ processId: demo.body.id });
    expect(after.participants).toBeGreaterThanOrEqual(1);
    expect(after.daily.map((line) => line.date)).toEqual([...after.daily.map((line) => line.date)].sort());
  });

  it('answers 404 for the stats of a process the caller may not see, and 400 for a bad id', async () => {
    const secret = await api<Process>('POST', '/api/v1/processes', {
      as: 'admin',
      body: {
        title: { fr: `Comité restreint des tiers-lieux ${Date.now()}` },
        description: { fr: 'Sur invitation.' },
        status: 'published',
        visibility: 'private',
      },
    });
    expect(secret.status).toBe(201);
    expect(secret.body.visibility).toBe('private');
    for (const as of ['alice', undefined]) {
      const hidden = await api('GET', `/api/v1/processes/${secret.body.id}/stats`, { as });
      expect(hidden.status).toBe(404);
      expect(hidden.body).toMatchObject({ code: 'not_found' });
    }
    const asAdmin = await api<ProcessStats>('GET', `/api/v1/processes/${secret.body.id}/stats`, { as: 'admin' });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({ processId: secret.body.id, participants: 0, daily: [] });

    expect((await api('GET', `/api/v1/processes/${randomUUID()}/stats`, { as: 'admin' })).status).toBe(404);
    const bad = await api<{ code: string }>('GET', `/api/v1/processes/${demoSlug}/stats`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });
});
