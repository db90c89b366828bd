// Themes in the processes service, against real Postgres and NATS.
import type { Actor, EventEnvelope, Theme, ThemeNode } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, type IsolatedRun } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { processesService } from '../src/processes.service';

jest.setTimeout(30_000);

describe('themes', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let client: ServiceClient;
  const admin: Actor = {
    personId: '01900000-0000-7000-8000-000000000001',
    subject: 's1',
    username: 'admin',
    displayName: 'Coordination nationale',
    roles: ['admin', 'participant'],
    locale: 'fr',
  };
  const participant: Actor = {
    personId: '01900000-0000-7000-8000-000000000002',
    subject: 's2',
    username: 'participant',
    displayName: 'Participant',
    roles: ['participant'],
    locale: 'fr',
  };
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `themes-${++seq}` });

  type ThemeBody = {
    name: { fr: string; en?: string };
    colour: string;
    description?: { fr: string; en?: string } | null;
    parentId?: string | null;
    position?: number;
  };
  const create = (body: ThemeBody) => client.request('processes.theme.create', body, as(admin));
  const update = (id: string, changes: Partial<ThemeBody>) =>
    client.request('processes.theme.update', { id, ...changes }, as(admin));
  const get = (id: string) => client.request('processes.theme.get', { id }, as(null));
  const names = async (query: Record<string, unknown>) =>
    (await client.request('processes.theme.list', { perPage: 100, ...query } as never, as(null))).data.map(
      (t) => t.name.fr,
    );
  const shape = (nodes: ThemeNode[]): unknown[] =>
    nodes.map((n) => (n.children.length ? { [n.name.fr]: shape(n.children) } : n.name.fr));
  const tree = async () => shape((await client.request('processes.theme.tree', {}, as(null))).data);

  const count = async (table: 'themes' | 'outbox') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(service.db)).rows[0].n;
  const counts = async () => [await count('themes'), await count('outbox')];
  const parents = async () =>
    (
      await sql<{ id: string; parent_id: string | null; position: number }>`select id, parent_id, position
        from themes order by id`.execute(service.db)
    ).rows;
  const eventsOf = async (type: string, themeId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'themeId' = ${themeId} order by id`.execute(service.db);
    return rows.map((r) => r.envelope);
  };

  let plaidoyer: Theme;
  let innovation: Theme;
  let alimentation: Theme;
  let terre: Theme;
  let energie: Theme;

  beforeAll(async () => {
    run = await createIsolatedRun('themes');
    service = await startService(processesService, run.env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'themes-test',
    });
    await client.connect();
    innovation = await create({
      name: { fr: 'Innovation sociale et citoyenne', en: 'Social and citizen innovation' },
      colour: '#1565C0',
    });
    plaidoyer = await create({ name: { fr: 'Plaidoyer pour la transition', en: 'Advocacy' }, colour: '#2e7d32' });
    alimentation = await create({
      name: { fr: 'Alimentation durable', en: 'Sustainable food' },
      colour: '#558b2f',
      parentId: plaidoyer.id,
    });
    terre = await create({
      name: { fr: 'Accès solidaire à la terre', en: 'Fair access to land' },
      colour: '#6d4c41',
      parentId: plaidoyer.id,
    });
    energie = await create({ name: { fr: 'Énergie éthique' }, colour: '#f9a825', parentId: plaidoyer.id });
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  it('lets a platform admin add themes with translations and a colour, each last among its siblings, announced', async () => {
    expect(innovation).toMatchObject({
      name: { fr: 'Innovation sociale et citoyenne', en: 'Social and citizen innovation' },
      description: null,
      colour: '#1565c0',
      parentId: null,
      position: 0,
    });
    expect([plaidoyer.position, alimentation.position, terre.position, energie.position]).toEqual([1, 0, 1, 2]);
    expect(energie.name).toEqual({ fr: 'Énergie éthique' });
    expect(await eventsOf('processes.theme.created', terre.id)).toEqual([
      expect.objectContaining({
        actor: { personId: admin.personId },
        data: {
          themeId: terre.id,
          name: { fr: 'Accès solidaire à la terre', en: 'Fair access to land' },
          colour: '#6d4c41',
          parentId: plaidoyer.id,
        },
      }),
    ]);
    const placed = await create({
      name: { fr: 'Biodiversité' },
      description: { fr: 'Préserver le vivant.', en: 'Preserving life.' },
      colour: '#00897b',
      parentId: plaidoyer.id,
      position: 10,
    });
    expect(placed).toMatchObject({ position: 10, description: { fr: 'Préserver le vivant.', en: 'Preserving life.' } });
    expect(await get(placed.id)).toEqual(placed);
  });

  it('keeps writes to platform admins and reads public, writing nothing for others', async () => {
    const before = await counts();
    const body = { name: { fr: 'Décider ensemble' }, colour: '#8e24aa' };
    await expect(client.request('processes.theme.create', body, as(participant))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(client.request('processes.theme.create', body, as(null))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      client.request('processes.theme.update', { id: energie.id, colour: '#000000' }, as(participant)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.request('processes.theme.update', { id: energie.id, parentId: null }, as(null)),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await counts()).toEqual(before);
    expect(await get(energie.id)).toMatchObject({ colour: '#f9a825', parentId: plaidoyer.id });
  });

  it('refuses bad input and an unknown parent, naming the field and writing nothing', async () => {
    const before = await counts();
    const cases: [unknown, string][] = [
      [{ name: { fr: 'Décider ensemble' }, colour: 'purple' }, 'colour'],
      [{ name: { fr: 'Décider ensemble' }, colour: '#abc' }, 'colour'],
      [{ name: { en: 'Deciding together' }, colour: '#8e24aa' }, 'name.fr'],
      [{ name: { fr: 'd'.repeat(101) }, colour: '#8e24aa' }, 'name'],
      [{ name: { fr: 'Décider ensemble' }, colour: '#8e24aa', position: -1 }, 'position'],
      [{ name: { fr: 'Décider ensemble' }, colour: '#8e24aa', parentId: 'plaidoyer' }, 'parentId'],
      [{ name: { fr: 'Décider ensemble' }, colour: '#8e24aa', parentId: randomUUID() }, 'parentId'],
      [{ name: { fr: 'Décider ensemble' }, colour: '#8e24aa', slug: 'decider' }, ''],
    ];
    for (const [body, path] of cases) {
      await expect(client.request('processes.theme.create', body as never, as(admin))).rejects.toMatchObject({
        code: 'validation_failed',
        errors: expect.arrayContaining([expect.objectContaining({ path })]),
      });
    }
    await expect(update(energie.id, { parentId: randomUUID() })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'parentId' })],
    });
    await expect(update(randomUUID(), { colour: '#000000' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await counts()).toEqual(before);
  });

  it('moves a theme with its sub-themes under another, last among its new siblings', async () => {
    const amap = await create({
      name: { fr: 'AMAP et circuits courts' },
      colour: '#7cb342',
      parentId: alimentation.id,
    });
    const moved = await update(alimentation.id, { parentId: innovation.id });
    expect(moved).toMatchObject({ parentId: innovation.id, position: 0 });
    expect(await get(amap.id)).toMatchObject({ parentId: alimentation.id });
    expect(await eventsOf('processes.theme.updated', alimentation.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ themeId: alimentation.id, parentId: innovation.id }) }),
    ]);
    expect(await update(terre.id, { parentId: null })).toMatchObject({ parentId: null, position: 2 });
    expect(await update(terre.id, { parentId: plaidoyer.id, position: 0 })).toMatchObject({
      parentId: plaidoyer.id,
      position: 0,
    });
    expect(await update(alimentation.id, { parentId: plaidoyer.id, position: 0 })).toMatchObject({ position: 0 });
  });

  it('refuses a theme under itself or one of its sub-themes, changing nothing', async () => {
    const circuits = (await client.request('processes.theme.list', { q: 'circuits' }, as(null))).data[0];
    const [before, tree] = [await counts(), await parents()];
    await expect(update(plaidoyer.id, { parentId: plaidoyer.id })).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'parentId' },
    });
    await expect(update(plaidoyer.id, { parentId: circuits.id })).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'parentId', parentId: circuits.id },
    });
    expect(await counts()).toEqual(before);
    expect(await parents()).toEqual(tree);
  });

  it('lets only one of two crossing moves through, so no cycle can form', async () => {
    const a = await create({ name: { fr: 'Monnaies locales' }, colour: '#546e7a' });
    const b = await create({ name: { fr: 'Finance solidaire' }, colour: '#455a64' });
    const results = await Promise.allSettled([update(a.id, { parentId: b.id }), update(b.id, { parentId: a.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([
      expect.objectContaining({ reason: expect.objectContaining({ code: 'conflict' }) }),
    ]);
    const [afterA, afterB] = [await get(a.id), await get(b.id)];
    expect([afterA.parentId, afterB.parentId].filter((p) => p !== null)).toHaveLength(1);
  });

  it('changes names, colour and description; null clears the description', async () => {
    const changed = await update(energie.id, {
      name: { fr: 'Énergie éthique', en: 'Ethical energy' },
      colour: '#F57F17',
      description: { fr: 'Produire et consommer autrement.' },
    });
    expect(changed).toMatchObject({
      name: { fr: 'Énergie éthique', en: 'Ethical energy' },
      colour: '#f57f17',
      description: { fr: 'Produire et consommer autrement.' },
      parentId: plaidoyer.id,
      position: 2,
    });
    expect(await update(energie.id, { description: null })).toMatchObject({ description: null, colour: '#f57f17' });
  });

  it('lists themes by parent, by text in either language (accents aside), in order, paged', async () => {
    expect((await names({ parentId: 'root' })).slice(0, 2)).toEqual([
      'Innovation sociale et citoyenne',
      'Plaidoyer pour la transition',
    ]);
    expect(await names({ parentId: plaidoyer.id })).toEqual([
      'Accès solidaire à la terre',
      'Alimentation durable',
      'Énergie éthique',
      'Biodiversité',
    ]);
    expect(await names({ parentId: plaidoyer.id, sort: 'name' })).toEqual([
      'Accès solidaire à la terre',
      'Alimentation durable',
      'Biodiversité',
      'Énergie éthique',
    ]);
    expect((await names({ sort: '-name' }))[0]).toBe('Plaidoyer pour la transition');
    expect(await names({ q: 'ENERGIE' })).toEqual(['Énergie éthique']);
    expect(await names({ q: 'ethical' })).toEqual(['Énergie éthique']);
    expect(await names({ q: 'acces a la' })).toEqual([]);
    expect(await names({ q: 'accès solidaire' })).toEqual(['Accès solidaire à la terre']);
    const page = await client.request(
      'processes.theme.list',
      { parentId: plaidoyer.id, perPage: 3, page: 2 },
      as(null),
    );
    expect(page.meta).toEqual({ total: 4, page: 2, perPage: 3 });
    expect(page.data.map((t) => t.name.fr)).toEqual(['Biodiversité']);
    for (const query of [{ parentId: 'x' }, { perPage: 0 }, { sort: 'colour' }]) {
      await expect(client.request('processes.theme.list', query as never, as(null))).rejects.toMatchObject({
        code: 'validation_failed',
      });
    }
  });

  it('answers the whole tree, siblings in their order', async () => {
    const whole = await tree();
    expect(whole.slice(0, 2)).toEqual([
      'Innovation sociale et citoyenne',
      {
        'Plaidoyer pour la transition': [
          'Accès solidaire à la terre',
          { 'Alimentation durable': ['AMAP et circuits courts'] },
          'Énergie éthique',
          'Biodiversité',
        ],
      },
    ]);
    const { data } = await client.request('processes.theme.tree', {}, as(null));
    expect(data[1]).toMatchObject({
      id: plaidoyer.id,
      colour: '#2e7d32',
      name: { fr: 'Plaidoyer pour la transition' },
    });
    await expect(
      client.request('processes.theme.tree', { rootId: plaidoyer.id } as never, as(null)),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('answers not_found for a theme that does not exist', async () => {
    await expect(get(randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });
});
