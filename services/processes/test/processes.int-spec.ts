import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, type IsolatedRun } from '@convergences/testing';
import { processesService } from '../src/processes.service';

describe('processes service', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let client: ServiceClient;
  const admin = { personId: '01900000-0000-7000-8000-000000000001', subject: 's1', username: 'admin', displayName: 'Admin', roles: ['admin', 'participant'], locale: 'fr' as const };

  beforeAll(async () => {
    run = await createIsolatedRun('processes');
    service = await startService(processesService, run.env);
    client = new ServiceClient({ natsUrl: run.natsUrl, subjectPrefix: run.subjectPrefix, requestTimeoutMs: 3000, name: 'test' });
    await client.connect();
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  it('creates a draft that only administrators see', async () => {
    const created = await client.request('processes.process.create', { title: { fr: 'Budget participatif de Nîmes' }, description: { fr: 'Une concertation.' } }, { actor: admin, requestId: 'r1' });
    expect(created).toMatchObject({ slug: 'budget-participatif-de-nimes', status: 'draft', publishedAt: null });
    await expect(client.request('processes.process.get', { idOrSlug: created.slug }, { actor: null, requestId: 'r2' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.request('processes.process.get', { idOrSlug: created.slug }, { actor: admin, requestId: 'r3' })).resolves.toMatchObject({ id: created.id });
  });
});
