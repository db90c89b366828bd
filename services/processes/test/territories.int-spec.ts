// Territories in the processes service, against real Postgres and NATS.
import type { Actor, EventEnvelope, Territory, TerritoryNode } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, type IsolatedRun } from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { processesService } from '../src/processes.service';

jest.setTimeout(30_000);

describe('territories', () => {
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
  const as = (actor: Actor | null) => ({ actor, requestId: `territories-${++seq}` });

  const create = (body: { name: string; type: Territory['type']; code?: string | null; parentId?: string | null }) =>
    client.request('processes.territory.create', body, as(admin));
  const update = (id: string, changes: { name?: string; code?: string | null; parentId?: string | null }) =>
    client.request('processes.territory.update', { id, ...changes }, as(admin));
  const get = (id: string) => client.request('processes.territory.get', { id }, as(null));
  const lineage = async (id: string) =>
    (await client.request('processes.territory.lineage', { id }, as(null))).ancestorIds;
  const subtree = async (id: string) => (await client.request('processes.territory.subtree', { id }, as(null))).ids;
  const names = async (query: Record<string, unknown>) =>
    (await client.request('processes.territory.list', { perPage: 100, ...query } as never, as(null))).data.map(
      (t) => t.name,
    );

  const count = async (table: 'territories' | 'outbox') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(service.db)).rows[0].n;
  const counts = async () => [await count('territories'), await count('outbox')];
  const ancestry = async () =>
    (
      await sql<{ id: string; parent_id: string | null; ancestor_ids: string[] }>`select id, parent_id, ancestor_ids
        from territories order by id`.execute(service.db)
    ).rows;
  const eventsOf = async (type: string, territoryId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'territoryId' = ${territoryId} order by id`.execute(service.db);
    return rows.map((r) => r.envelope);
  };

  // Occitanie > Gard > Le Vigan, Nîmes > Nîmes Centre; Occitanie > Hérault > Montpellier; Normandie.
  let occitanie: Territory;
  let gard: Territory;
  let herault: Territory;
  let vigan: Territory;
  let nimes: Territory;
  let nimesCentre: Territory;
  let montpellier: Territory;
  let normandie: Territory;

  beforeAll(async () => {
    run = await createIsolatedRun('territories');
    service = await startService(processesService, run.env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'territories-test',
    });
    await client.connect();
    occitanie = await create({ name: 'Occitanie', type: 'region', code: '76' });
    normandie = await create({ name: 'Normandie', type: 'region', code: '28' });
    gard = await create({ name: 'Gard', type: 'departement', code: '30', parentId: occitanie.id });
    herault = await create({ name: 'Hérault', type: 'departement', code: '34', parentId: occitanie.id });
    vigan = await create({ name: 'Le Vigan', type: 'commune', code: '30350', parentId: gard.id });
    nimes = await create({ name: 'Nîmes', type: 'commune', code: '30189', parentId: gard.id });
    nimesCentre = await create({ name: 'Nîmes Centre', type: 'quartier', parentId: nimes.id });
    montpellier = await create({ name: 'Montpellier', type: 'commune', code: '34172', parentId: herault.id });
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  it('lets a platform admin build the tree: each territory knows its ancestors, root first, and is announced', async () => {
    expect(vigan).toMatchObject({
      name: 'Le Vigan',
      type: 'commune',
      code: '30350',
      parentId: gard.id,
      ancestorIds: [occitanie.id, gard.id],
      childrenCount: 0,
    });
    expect(occitanie).toMatchObject({ parentId: null, ancestorIds: [], code: '76' });
    expect(nimesCentre).toMatchObject({ code: null, ancestorIds: [occitanie.id, gard.id, nimes.id] });
    expect(await get(gard.id)).toMatchObject({ childrenCount: 2, ancestorIds: [occitanie.id] });
    expect(await eventsOf('processes.territory.created', vigan.id)).toEqual([
      expect.objectContaining({
        actor: { personId: admin.personId },
        data: { territoryId: vigan.id, name: 'Le Vigan', type: 'commune', parentId: gard.id },
      }),
    ]);
  });

  it('keeps writes to platform admins and reads public, writing nothing for others', async () => {
    const before = await counts();
    const body = { name: 'Bretagne', type: 'region' as const, code: '53' };
    await expect(client.request('processes.territory.create', body, as(participant))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(client.request('processes.territory.create', body, as(null))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      client.request('processes.territory.update', { id: gard.id, name: 'Gard (30)' }, as(participant)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.request('processes.territory.update', { id: gard.id, parentId: normandie.id }, as(null)),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await counts()).toEqual(before);
    expect(await get(gard.id)).toMatchObject({ name: 'Gard', parentId: occitanie.id });
  });

  it('refuses a territory under one that is not wider, an unknown parent or a malformed code, naming the field', async () => {
    const before = await counts();
    const cases: [Parameters<typeof create>[0], string][] = [
      [{ name: 'Provence-Alpes-Côte d’Azur', type: 'region', code: '93', parentId: gard.id }, 'parentId'],
      [{ name: 'Lozère', type: 'departement', code: '48', parentId: herault.id }, 'parentId'],
      [{ name: 'Nîmes Métropole', type: 'epci', parentId: nimes.id }, 'parentId'],
      [{ name: 'Écusson', type: 'quartier', parentId: nimesCentre.id }, 'parentId'],
      [{ name: 'Alès', type: 'commune', code: '30007', parentId: randomUUID() }, 'parentId'],
      [{ name: 'Alès', type: 'commune', code: '3007', parentId: gard.id }, 'code'],
      [{ name: 'Lozère', type: 'departement', code: '480', parentId: occitanie.id }, 'code'],
      [{ name: 'Alès', type: 'commune', code: '30 007', parentId: gard.id }, 'code'],
      [{ name: ' ', type: 'commune', parentId: gard.id }, 'name'],
      [{ name: 'Alès', type: 'ville' as never, parentId: gard.id }, 'type'],
      [{ name: 'Alès', type: 'commune', parentId: 'gard' }, 'parentId'],
    ];
    for (const [body, path] of cases) {
      await expect(create(body)).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path })],
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an official code another territory of the same type holds, as a conflict on code', async () => {
    const before = await counts();
    await expect(
      create({ name: 'Le Vigan (bis)', type: 'commune', code: '30350', parentId: gard.id }),
    ).rejects.toMatchObject({ code: 'conflict', details: { field: 'code', territoryId: vigan.id } });
    await expect(update(nimes.id, { code: '30350' })).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'code', territoryId: vigan.id },
    });
    expect(await counts()).toEqual(before);
    expect((await get(nimes.id)).code).toBe('30189');

    // The same code is free at another level: 76 is Occitanie's région code and Seine-Maritime's département one.
    const seineMaritime = await create({
      name: 'Seine-Maritime',
      type: 'departement',
      code: '76',
      parentId: normandie.id,
    });
    expect(seineMaritime.code).toBe('76');
    // Keeping one's own code is no conflict.
    expect(await update(nimes.id, { code: '30189', name: 'Nîmes' })).toMatchObject({ code: '30189' });
  });

  it('gives a code to only one of two territories created together with it', async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() => create({ name: 'Calvados', type: 'departement', code: '14', parentId: normandie.id })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([
      expect.objectContaining({ reason: expect.objectContaining({ code: 'conflict' }) }),
    ]);
  });

  it('moves a territory with everything under it, in one change: lineage and subtree answer the new tree', async () => {
    const paca = await create({ name: 'Provence-Alpes-Côte d’Azur', type: 'region', code: '93' });
    const moved = await update(gard.id, { parentId: paca.id });
    expect(moved).toMatchObject({ parentId: paca.id, ancestorIds: [paca.id], name: 'Gard' });
    expect(await lineage(vigan.id)).toEqual([paca.id, gard.id]);
    expect(await lineage(nimesCentre.id)).toEqual([paca.id, gard.id, nimes.id]);
    expect(await subtree(paca.id)).toEqual([paca.id, gard.id, vigan.id, nimes.id, nimesCentre.id]);
    expect(await subtree(occitanie.id)).toEqual([occitanie.id, herault.id, montpellier.id]);
    expect(await names({ within: occitanie.id })).not.toContain('Le Vigan');
    expect((await get(occitanie.id)).childrenCount).toBe(1);
    expect(await eventsOf('processes.territory.updated', gard.id)).toEqual([
      expect.objectContaining({
        data: { territoryId: gard.id, name: 'Gard', type: 'departement', parentId: paca.id },
      }),
    ]);

    // Back where it belongs, and a root for a while: ancestries shrink and grow again.
    await update(gard.id, { parentId: null });
    expect(await lineage(nimesCentre.id)).toEqual([gard.id, nimes.id]);
    expect(await names({ parentId: 'root', type: 'departement' })).toContain('Gard');
    await update(gard.id, { parentId: occitanie.id });
    expect(await lineage(nimesCentre.id)).toEqual([occitanie.id, gard.id, nimes.id]);
    expect(await subtree(paca.id)).toEqual([paca.id]);

    // A commune moves under its intercommunality, its quartiers with it.
    const nimesMetropole = await create({
      name: 'Nîmes Métropole',
      type: 'epci',
      code: '243000643',
      parentId: gard.id,
    });
    await update(nimes.id, { parentId: nimesMetropole.id });
    expect(await lineage(nimesCentre.id)).toEqual([occitanie.id, gard.id, nimesMetropole.id, nimes.id]);
    expect(await subtree(gard.id)).toEqual([gard.id, vigan.id, nimesMetropole.id, nimes.id, nimesCentre.id]);
  });

  it('refuses a move under itself, one of its sub-territories or a narrower territory, changing nothing', async () => {
    const [before, tree] = [await counts(), await ancestry()];
    await expect(update(gard.id, { parentId: gard.id })).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'parentId' },
    });
    await expect(update(occitanie.id, { parentId: nimesCentre.id })).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'parentId', parentId: nimesCentre.id },
    });
    await expect(update(gard.id, { parentId: herault.id })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'parentId' })],
    });
    await expect(update(montpellier.id, { parentId: nimes.id })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'parentId' })],
    });
    await expect(update(montpellier.id, { parentId: randomUUID() })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'parentId' })],
    });
    await expect(update(montpellier.id, { code: '341' })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'code' })],
    });
    await expect(update(randomUUID(), { name: 'Nulle part' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      client.request('processes.territory.update', { id: gard.id, type: 'region' } as never, as(admin)),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await counts()).toEqual(before);
    expect(await ancestry()).toEqual(tree);
  });

  it('renames a territory and clears its code', async () => {
    const quartier = await create({ name: 'Gambetta', type: 'quartier', code: '301890101', parentId: nimes.id });
    const renamed = await update(quartier.id, { name: 'Gambetta – Richelieu', code: null });
    expect(renamed).toMatchObject({ name: 'Gambetta – Richelieu', code: null, parentId: nimes.id });
    expect(new Date(renamed.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(quartier.updatedAt).getTime());
  });

  it('lists territories by type, parent, subtree, code and accent-insensitive text, paged', async () => {
    expect(await names({ type: 'region' })).toEqual(['Normandie', 'Occitanie', 'Provence-Alpes-Côte d’Azur']);
    expect(await names({ parentId: 'root' })).toEqual(['Normandie', 'Occitanie', 'Provence-Alpes-Côte d’Azur']);
    expect(await names({ parentId: gard.id })).toEqual(['Le Vigan', 'Nîmes Métropole']);
    expect(await names({ within: gard.id, type: 'commune' })).toEqual(['Le Vigan', 'Nîmes']);
    expect(await names({ within: occitanie.id, sort: 'type' })).toEqual([
      'Occitanie',
      'Gard',
      'Hérault',
      'Nîmes Métropole',
      'Le Vigan',
      'Montpellier',
      'Nîmes',
      'Gambetta – Richelieu',
      'Nîmes Centre',
    ]);
    expect(await names({ code: '30189' })).toEqual(['Nîmes']);
    expect(await names({ code: '76' })).toEqual(['Occitanie', 'Seine-Maritime']);
    expect(await names({ q: 'nimes' })).toEqual(['Nîmes', 'Nîmes Centre', 'Nîmes Métropole']);
    expect(await names({ q: 'HERAULT' })).toEqual(['Hérault']);
    expect(await names({ q: '100%' })).toEqual([]);
    expect(await names({ type: 'region', sort: '-name' })).toEqual([
      'Provence-Alpes-Côte d’Azur',
      'Occitanie',
      'Normandie',
    ]);

    const page = await client.request('processes.territory.list', { type: 'region', perPage: 2, page: 2 }, as(null));
    expect(page.meta).toEqual({ total: 3, page: 2, perPage: 2 });
    expect(page.data.map((t) => t.name)).toEqual(['Provence-Alpes-Côte d’Azur']);

    for (const query of [
      { type: 'ville' },
      { parentId: 'gard' },
      { perPage: 101 },
      { sort: 'population' },
      { within: 'x' },
    ]) {
      await expect(client.request('processes.territory.list', query as never, as(null))).rejects.toMatchObject({
        code: 'validation_failed',
      });
    }
  });

  it('answers the tree in one piece, a subtree, or down to a level', async () => {
    const shape = (nodes: TerritoryNode[]): unknown[] =>
      nodes.map((n) => (n.children.length ? { [n.name]: shape(n.children) } : n.name));
    const { data: whole } = await client.request('processes.territory.tree', {}, as(null));
    expect(shape(whole)).toEqual([
      { Normandie: ['Calvados', 'Seine-Maritime'] },
      {
        Occitanie: [
          {
            Gard: ['Le Vigan', { 'Nîmes Métropole': [{ Nîmes: ['Gambetta – Richelieu', 'Nîmes Centre'] }] }],
          },
          { Hérault: ['Montpellier'] },
        ],
      },
      'Provence-Alpes-Côte d’Azur',
    ]);
    expect(whole[1].children[0]).toMatchObject({ id: gard.id, type: 'departement', code: '30' });

    const { data: ofGard } = await client.request('processes.territory.tree', { rootId: gard.id }, as(null));
    expect(shape(ofGard)).toEqual([
      { Gard: ['Le Vigan', { 'Nîmes Métropole': [{ Nîmes: ['Gambetta – Richelieu', 'Nîmes Centre'] }] }] },
    ]);
    const { data: departements } = await client.request(
      'processes.territory.tree',
      { maxType: 'departement' },
      as(null),
    );
    expect(shape(departements)).toEqual([
      { Normandie: ['Calvados', 'Seine-Maritime'] },
      { Occitanie: ['Gard', 'Hérault'] },
      'Provence-Alpes-Côte d’Azur',
    ]);
    const { data: communes } = await client.request(
      'processes.territory.tree',
      { rootId: gard.id, maxType: 'commune' },
      as(null),
    );
    expect(shape(communes)).toEqual([{ Gard: ['Le Vigan', { 'Nîmes Métropole': ['Nîmes'] }] }]);

    await expect(client.request('processes.territory.tree', { rootId: randomUUID() }, as(null))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      client.request('processes.territory.tree', { maxType: 'canton' } as never, as(null)),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('answers not_found for a territory that does not exist', async () => {
    const id = randomUUID();
    await expect(get(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(lineage(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(subtree(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.request('processes.territory.get', { id: 'gard' }, as(null))).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
