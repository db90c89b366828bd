import type { Actor, EventEnvelope, Process } from '@convergences/contracts';
import { eventSubject } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import {
  createIsolatedRun,
  eventually,
  type IsolatedRun,
  type ServiceProcess,
  startServiceProcess,
} from '@convergences/testing';
import { sql } from 'kysely';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { processesService } from '../src/processes.service';

jest.setTimeout(30_000);

describe('processes service', () => {
  let run: IsolatedRun;
  let service: RunningService;
  // The proposals service runs as its own process: a service's tests never import another service.
  let proposals: ServiceProcess;
  let client: ServiceClient;
  let nats: NatsConnection;
  const admin = {
    personId: '01900000-0000-7000-8000-000000000001',
    subject: 's1',
    username: 'admin',
    displayName: 'Admin',
    roles: ['admin', 'participant'],
    locale: 'fr' as const,
  };
  const alice: Actor = {
    personId: '01900000-0000-7000-8000-000000000002',
    subject: 's2',
    username: 'alice',
    displayName: 'Alice Vernadet',
    roles: ['participant'],
    locale: 'fr',
  };
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `processes-${++seq}` });

  const description = { fr: 'Une concertation ouverte à toutes et tous.' };
  const create = (title: string, extra: Record<string, unknown> = {}) =>
    client.request('processes.process.create', { title: { fr: title }, description, ...extra }, as(admin));

  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(service.db)).rows[0].n;
  const processCount = () => count(sql<{ n: number }>`select count(*)::int as n from processes`);
  const outboxCount = () => count(sql<{ n: number }>`select count(*)::int as n from outbox`);
  const eventsOf = async (type: string, processId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'processId' = ${processId}`.execute(service.db);
    return rows.map((r) => r.envelope);
  };

  beforeAll(async () => {
    run = await createIsolatedRun('processes');
    [service, proposals] = await Promise.all([
      startService(processesService, run.env),
      startServiceProcess('proposals', run.env),
    ]);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'test',
    });
    await client.connect();
    nats = await connect({ servers: run.natsUrl });
  });

  afterAll(async () => {
    await nats?.close();
    await client?.close();
    await Promise.all([service?.close(), proposals?.stop()]);
    await run?.dispose();
  });

  it('creates a draft that only administrators see', async () => {
    const created = await client.request(
      'processes.process.create',
      { title: { fr: 'Budget participatif de Nîmes' }, description: { fr: 'Une concertation.' } },
      { actor: admin, requestId: 'r1' },
    );
    expect(created).toMatchObject({ slug: 'budget-participatif-de-nimes', status: 'draft', publishedAt: null });
    await expect(
      client.request('processes.process.get', { idOrSlug: created.slug }, { actor: null, requestId: 'r2' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      client.request('processes.process.get', { idOrSlug: created.slug }, { actor: admin, requestId: 'r3' }),
    ).resolves.toMatchObject({ id: created.id });
  });

  describe('creation', () => {
    it('requires the admin realm role, writing nothing otherwise', async () => {
      const [processes, events] = [await processCount(), await outboxCount()];
      const request = { title: { fr: 'Assemblée des habitants de Figeac' }, description };
      await expect(client.request('processes.process.create', request, as(alice))).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(client.request('processes.process.create', request, as(null))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      expect(await processCount()).toBe(processes);
      expect(await outboxCount()).toBe(events);
    });

    it('derives the slug from the French title and numbers repeated titles', async () => {
      const first = await create('Économie sociale et solidaire à Albi');
      const second = await create('Économie sociale et solidaire à Albi');
      const third = await create('Économie sociale et solidaire à Albi');
      expect([first.slug, second.slug, third.slug]).toEqual([
        'economie-sociale-et-solidaire-a-albi',
        'economie-sociale-et-solidaire-a-albi-2',
        'economie-sociale-et-solidaire-a-albi-3',
      ]);
      expect(await eventsOf('processes.process.created', second.id)).toEqual([
        expect.objectContaining({
          actor: { personId: admin.personId },
          data: { processId: second.id, slug: second.slug, status: 'draft' },
        }),
      ]);
      expect(await eventsOf('processes.process.published', second.id)).toEqual([]);
    });

    it('refuses an explicit slug already in use with conflict, writing nothing', async () => {
      const taken = await create('Jardins partagés de Cahors', { slug: 'jardins-cahors' });
      expect(taken.slug).toBe('jardins-cahors');
      const [processes, events] = [await processCount(), await outboxCount()];
      await expect(create('Autres jardins de Cahors', { slug: 'jardins-cahors' })).rejects.toMatchObject({
        code: 'conflict',
        details: { field: 'slug' },
      });
      expect(await processCount()).toBe(processes);
      expect(await outboxCount()).toBe(events);
    });

    it('publishes at once when created as published, announcing both facts', async () => {
      const created = await create('Mobilités douces à Millau', { status: 'published' });
      expect(created.status).toBe('published');
      expect(created.publishedAt).not.toBeNull();
      expect(await eventsOf('processes.process.created', created.id)).toHaveLength(1);
      expect(await eventsOf('processes.process.published', created.id)).toEqual([
        expect.objectContaining({ data: { processId: created.id, slug: created.slug, status: 'published' } }),
      ]);
    });

    it('gives distinct slugs to the same title created concurrently', async () => {
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => create('Conseil citoyen de Lourdes')));
      expect(results.map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'))).toEqual([
        'ok',
        'ok',
        'ok',
        'ok',
      ]);
      const slugs = results.map((r) => (r as PromiseFulfilledResult<Process>).value.slug).sort();
      expect(slugs).toEqual([
        'conseil-citoyen-de-lourdes',
        'conseil-citoyen-de-lourdes-2',
        'conseil-citoyen-de-lourdes-3',
        'conseil-citoyen-de-lourdes-4',
      ]);
    });

    it('answers conflict, not internal, when creations race for the same explicit slug', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, n) =>
          create(`Marché de producteurs de Gaillac n°${n + 1}`, { slug: 'marche-gaillac' }),
        ),
      );
      const outcomes = results
        .map((r) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok'))
        .sort();
      expect(outcomes).toEqual(['conflict', 'conflict', 'conflict', 'conflict', 'ok']);
    });
  });

  describe('listing', () => {
    // Processes of this block all mention "Quercy", so that `q` scopes the lists to them.
    const titles = [
      'Aménager les berges du Quercy',
      'Budget du Quercy 2026',
      'Culture en Quercy',
      'Déplacements dans le Quercy',
      'Eau potable du Quercy',
    ];
    const published = new Set(['Budget du Quercy 2026', 'Eau potable du Quercy']);
    const created: Process[] = [];

    beforeAll(async () => {
      // Created one after the other, in an order unlike the alphabetical one.
      for (const title of [titles[2], titles[0], titles[4], titles[1], titles[3]]) {
        created.push(await create(title, { status: published.has(title) ? 'published' : 'draft' }));
      }
    });

    const list = (actor: Actor | null, query: Record<string, unknown> = {}) =>
      client.request('processes.process.list', { q: 'quercy', ...query }, as(actor));

    it('hides drafts from non-admins, in the items and in the total', async () => {
      for (const who of [alice, null]) {
        const page = await list(who);
        expect(page.meta.total).toBe(2);
        expect(page.data.map((p) => p.title.fr).sort()).toEqual([...published].sort());
        expect(page.data.every((p) => p.status === 'published')).toBe(true);
        const drafts = await list(who, { status: 'draft' });
        expect(drafts).toEqual({ data: [], meta: { total: 0, page: 1, perPage: 25 } });
      }
      const all = await list(admin);
      expect(all.meta.total).toBe(5);
      expect((await list(admin, { status: 'draft' })).meta.total).toBe(3);
      expect((await list(admin, { status: 'published' })).meta.total).toBe(2);
    });

    it('sorts by title both ways and by creation date', async () => {
      expect((await list(admin, { sort: 'title' })).data.map((p) => p.title.fr)).toEqual(titles);
      expect((await list(admin, { sort: '-title' })).data.map((p) => p.title.fr)).toEqual([...titles].reverse());
      const newestFirst = [...created].reverse().map((p) => p.id);
      expect((await list(admin, { sort: '-createdAt' })).data.map((p) => p.id)).toEqual(newestFirst);
      expect((await list(admin, { sort: 'recent' })).data.map((p) => p.id)).toEqual(newestFirst);
      expect((await list(admin, { sort: 'createdAt' })).data.map((p) => p.id)).toEqual(created.map((p) => p.id));
    });

    it('filters by text in the title or the slug, case-insensitively', async () => {
      expect((await list(admin, { q: 'BUDGET DU QUERCY' })).data.map((p) => p.title.fr)).toEqual([
        'Budget du Quercy 2026',
      ]);
      expect((await list(admin, { q: 'deplacements-dans' })).data.map((p) => p.title.fr)).toEqual([
        'Déplacements dans le Quercy',
      ]);
      expect((await list(admin, { q: 'nulle part en Quercy' })).meta.total).toBe(0);
    });

    it('treats % and _ in the text as themselves', async () => {
      await create('Cent pour cent : 100% vélo à Figeac');
      expect((await list(admin, { q: '%' })).data.map((p) => p.title.fr)).toEqual([
        'Cent pour cent : 100% vélo à Figeac',
      ]);
      expect((await list(admin, { q: '_' })).meta.total).toBe(0);
    });

    it('paginates with a stable total', async () => {
      const pages = await Promise.all(
        [1, 2, 3, 4].map((page) => list(admin, { sort: 'title', perPage: 2, page, status: 'draft' })),
      );
      const draftTitles = titles.filter((t) => !published.has(t));
      expect(pages.map((p) => p.data.map((x) => x.title.fr))).toEqual([
        draftTitles.slice(0, 2),
        draftTitles.slice(2),
        [],
        [],
      ]);
      for (const [index, page] of pages.entries()) expect(page.meta).toEqual({ total: 3, page: index + 1, perPage: 2 });
    });

    it('accepts numbers as query strings', async () => {
      const page = await client.request(
        'processes.process.list',
        { q: 'quercy', page: '2', perPage: '1', sort: 'title' } as never,
        as(admin),
      );
      expect(page.meta).toEqual({ total: 5, page: 2, perPage: 1 });
      expect(page.data.map((p) => p.title.fr)).toEqual([titles[1]]);
    });
  });

  describe('publication', () => {
    it('moves a draft to published once, announcing it once', async () => {
      const draft = await create('Place du marché de Moissac');
      const published = await client.request('processes.process.publish', { id: draft.id }, as(admin));
      expect(published).toMatchObject({ id: draft.id, status: 'published' });
      expect(published.publishedAt).not.toBeNull();
      expect(await eventsOf('processes.process.published', draft.id)).toEqual([
        expect.objectContaining({
          actor: { personId: admin.personId },
          data: { processId: draft.id, slug: draft.slug, status: 'published' },
        }),
      ]);

      const again = await client.request('processes.process.publish', { id: draft.id }, as(admin));
      expect(again).toEqual(published);
      expect(await eventsOf('processes.process.published', draft.id)).toHaveLength(1);
      await expect(client.request('processes.process.get', { idOrSlug: draft.slug }, as(null))).resolves.toEqual(
        published,
      );
    });

    it('publishes once when ten publications race', async () => {
      const draft = await create('Halle couverte de Lectoure');
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => client.request('processes.process.publish', { id: draft.id }, as(admin))),
      );
      expect(new Set(answers.map((a) => a.publishedAt)).size).toBe(1);
      expect(await eventsOf('processes.process.published', draft.id)).toHaveLength(1);
    });

    it('is for administrators only and needs an existing process', async () => {
      const draft = await create('Forêt communale de Gourdon');
      await expect(client.request('processes.process.publish', { id: draft.id }, as(alice))).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(client.request('processes.process.publish', { id: draft.id }, as(null))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(client.request('processes.process.get', { idOrSlug: draft.id }, as(admin))).resolves.toMatchObject({
        status: 'draft',
      });
      await expect(client.request('processes.process.publish', { id: randomUUID() }, as(admin))).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await eventsOf('processes.process.published', draft.id)).toEqual([]);
    });
  });

  describe('invalid input', () => {
    it('rejects more than 100 per page', async () => {
      await expect(client.request('processes.process.list', { perPage: 500 }, as(admin))).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'perPage' })],
      });
    });

    it('rejects an empty French title and unknown fields, writing nothing', async () => {
      const [processes, events] = [await processCount(), await outboxCount()];
      await expect(
        client.request('processes.process.create', { title: { fr: '' }, description }, as(admin)),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'title.fr' })],
      });
      await expect(
        client.request(
          'processes.process.create',
          { title: { fr: 'Fontaines de Rocamadour' }, description, proposalsCount: 99 } as never,
          as(admin),
        ),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ message: expect.stringContaining('proposalsCount') })],
      });
      expect(await processCount()).toBe(processes);
      expect(await outboxCount()).toBe(events);
    });
  });

  describe('proposal counts', () => {
    it('counts the proposals the proposals service announces, once each', async () => {
      const process = await create('Vie associative de Villefranche', { status: 'published' });
      const phase = await client.request(
        'processes.phase.create',
        { processId: process.id, title: { fr: 'Propositions' }, rules: { proposals: { creationEnabled: true } } },
        as(admin),
      );
      await client.request('processes.phase.activate', { processId: process.id, phaseId: phase.id }, as(admin));
      for (const n of [1, 2, 3]) {
        await client.request(
          'proposals.proposal.create',
          {
            processId: process.id,
            title: `Proposition numéro ${n} pour le quartier`,
            body: 'Créer un lieu de rencontre.',
          },
          as(alice),
        );
      }
      await eventually(async () => {
        expect((await client.request('processes.process.get', { idOrSlug: process.id }, as(null))).proposalsCount).toBe(
          3,
        );
      }, 10_000);

      // Redeliver the last of these events under another message id: the consumer ignores it.
      const subject = eventSubject('proposals.proposal.created', run.subjectPrefix);
      const jsm = await nats.jetstreamManager();
      const last = await jsm.streams.getMessage(run.stream, { last_by_subj: subject });
      expect(last.json<EventEnvelope<{ processId: string }>>().data.processId).toBe(process.id);
      const ack = await nats.jetstream().publish(subject, last.data, { msgID: randomUUID() });
      expect(ack.duplicate).toBe(false);
      await eventually(async () => {
        const info = await jsm.consumers.info(run.stream, 'processes-proposal-counts');
        expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(ack.seq);
        expect(info.num_pending).toBe(0);
        expect(info.num_ack_pending).toBe(0);
      }, 10_000);
      expect((await client.request('processes.process.get', { idOrSlug: process.id }, as(null))).proposalsCount).toBe(
        3,
      );
      const ledger = await count(
        sql<{
          n: number;
        }>`select count(*)::int as n from processed_events where consumer = 'processes-proposal-counts'`,
      );
      expect(ledger).toBe(3);
    });
  });
});
