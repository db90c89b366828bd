// Organisations in the members service, against real Postgres and NATS (and processes, which owns
// the territories organisations are in).
import type { Actor, CreateOrganizationRequest, EventEnvelope, Organization } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import {
  createIsolatedRun,
  type IsolatedRun,
  registerPerson,
  type ServiceProcess,
  startServiceProcess,
} from '@convergences/testing';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { membersService } from '../src/members.service';

jest.setTimeout(30_000);

describe('organisations', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let processes: ServiceProcess;
  let client: ServiceClient;
  let seq = 0;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  const as = (actor: Actor | null) => ({ actor, requestId: `organizations-${++seq}` });

  async function person(username: string, roles: string[]): Promise<Actor> {
    return registerPerson(client, as(null), username, { username: `${username}${++seq}`, roles });
  }

  const create = (actor: Actor, body: CreateOrganizationRequest) =>
    client.request('members.organization.create', body, as(actor));
  const verified = async (body: CreateOrganizationRequest) => {
    const created = await create(alice, body);
    return client.request('members.organization.verify', { id: created.id }, as(admin));
  };
  const outbox = async (type: string, organizationId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<{ organizationId: string }> }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'organizationId' = ${organizationId}`.execute(service.db);
    return rows.map((r) => r.envelope);
  };
  const organizationCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from organizations`.execute(service.db)).rows[0].n;

  beforeAll(async () => {
    run = await createIsolatedRun('organizations');
    [service, processes] = await Promise.all([
      startService(membersService, run.env),
      startServiceProcess('processes', run.env),
    ]);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'organizations-test',
    });
    await client.connect();
    admin = await person('admin', ['admin', 'participant']);
    alice = await person('alice', ['participant']);
    bob = await person('bob', ['participant']);
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([service?.close(), processes?.stop()]);
    await run?.dispose();
  });

  it('lets a participant propose an organisation: pending, slugged, its creator its first admin, announced', async () => {
    const created = await create(alice, {
      name: '  Garage solidaire du Vigan  ',
      kind: 'association',
      description: { fr: 'Réparer à prix coûtant.' },
      website: 'https://garage.example.org',
      address: 'Le Vigan',
      latitude: 43.99,
      longitude: 3.6,
    });
    expect(created).toMatchObject({
      name: 'Garage solidaire du Vigan',
      slug: 'garage-solidaire-du-vigan',
      kind: 'association',
      status: 'pending',
      verifiedAt: null,
      latitude: 43.99,
      longitude: 3.6,
      themeIds: [],
      networks: [],
    });
    const members = await client.request(
      'members.membership.listForOrganization',
      { organizationId: created.id },
      as(alice),
    );
    expect(members.data).toEqual([
      expect.objectContaining({ personId: alice.personId, role: 'admin', status: 'active' }),
    ]);
    expect(await outbox('members.organization.created', created.id)).toHaveLength(1);

    const again = await create(bob, { name: 'Garage solidaire du Vigan', kind: 'association' });
    expect(again.slug).toBe('garage-solidaire-du-vigan-2');
  });

  it('gives distinct slugs to organisations created together under the same name', async () => {
    const name = `Tiers-lieu de la gare ${seq}`;
    const created = await Promise.all(Array.from({ length: 6 }, () => create(alice, { name, kind: 'tiers_lieu' })));
    expect(new Set(created.map((o) => o.slug)).size).toBe(6);
  });

  it('refuses bad input, anonymous callers and changes nothing', async () => {
    const before = await organizationCount();
    const cases: [unknown, string][] = [
      [{ name: 'X', kind: 'association' }, 'name'],
      [{ name: 'Une AMAP', kind: 'club' }, 'kind'],
      [{ name: 'Une AMAP', kind: 'amap', latitude: 200, longitude: 3 }, 'latitude'],
      [{ name: 'Une AMAP', kind: 'amap', latitude: 45 }, 'longitude'],
      [{ name: 'Une AMAP', kind: 'amap', website: 'javascript:alert(1)' }, 'website'],
      [{ name: 'Une AMAP', kind: 'amap', description: { fr: 'd'.repeat(10_001) } }, 'description'],
      [{ name: 'Une AMAP', kind: 'amap', territoryId: 'lyon' }, 'territoryId'],
      [{ name: 'Une AMAP', kind: 'amap', status: 'verified' }, ''],
    ];
    for (const [body, path] of cases) {
      await expect(client.request('members.organization.create', body as never, as(alice))).rejects.toMatchObject({
        code: 'validation_failed',
        errors: expect.arrayContaining([expect.objectContaining({ path })]),
      });
    }
    await expect(create(null as never, { name: 'Anonyme', kind: 'other' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(await organizationCount()).toBe(before);
  });

  it('enforces coordinates in the database too', async () => {
    const created = await create(alice, { name: 'Contrôle des coordonnées', kind: 'other' });
    await expect(
      sql`update organizations set latitude = 10 where id = ${created.id}`.execute(service.db),
    ).rejects.toThrow(/organizations_coordinates_together/);
    await expect(
      sql`update organizations set latitude = 95, longitude = 0 where id = ${created.id}`.execute(service.db),
    ).rejects.toThrow(/check constraint/);
  });

  it('shows a pending organisation only to its members and platform admins', async () => {
    const pending = await create(alice, { name: 'Régie de quartier en projet', kind: 'regie_de_quartier' });
    for (const ref of [pending.id, pending.slug]) {
      await expect(client.request('members.organization.get', { idOrSlug: ref }, as(alice))).resolves.toMatchObject({
        id: pending.id,
      });
      await expect(client.request('members.organization.get', { idOrSlug: ref }, as(admin))).resolves.toMatchObject({
        id: pending.id,
      });
      await expect(client.request('members.organization.get', { idOrSlug: ref }, as(bob))).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(client.request('members.organization.get', { idOrSlug: ref }, as(null))).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    const publicList = await client.request('members.organization.list', { q: 'quartier en projet' }, as(null));
    expect(publicList.data.map((o) => o.id)).not.toContain(pending.id);
    await expect(client.request('members.organization.list', { status: 'pending' }, as(bob))).rejects.toMatchObject({
      code: 'forbidden',
    });
    const adminList = await client.request(
      'members.organization.list',
      { status: 'pending', q: 'quartier en projet' },
      as(admin),
    );
    expect(adminList.data.map((o) => o.id)).toEqual([pending.id]);
  });

  it('lets a platform admin verify, once, and nobody else', async () => {
    const pending = await create(alice, { name: 'AMAP des Capucins', kind: 'amap' });
    await expect(client.request('members.organization.verify', { id: pending.id }, as(alice))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(client.request('members.organization.verify', { id: pending.id }, as(null))).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const first = await client.request('members.organization.verify', { id: pending.id }, as(admin));
    expect(first).toMatchObject({ status: 'verified', verifiedBy: admin.personId });
    const second = await client.request('members.organization.verify', { id: pending.id }, as(admin));
    expect(second).toEqual(first);
    expect(await outbox('members.organization.verified', pending.id)).toHaveLength(1);
    await expect(client.request('members.organization.verify', { id: randomUUID() }, as(admin))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      client.request('members.organization.get', { idOrSlug: pending.slug }, as(null)),
    ).resolves.toMatchObject({ status: 'verified' });
  });

  it("lets the organisation's admins and platform admins update it, refusing others", async () => {
    const org = await create(alice, { name: 'Coopérative Opale test', kind: 'cooperative', address: 'Lyon' });
    const updated = await client.request(
      'members.organization.update',
      { id: org.id, description: { fr: 'Culture et ESS.', en: 'Culture and SSE.' }, latitude: 45.76, longitude: 4.83 },
      as(alice),
    );
    expect(updated).toMatchObject({
      name: 'Coopérative Opale test',
      slug: org.slug,
      description: { fr: 'Culture et ESS.', en: 'Culture and SSE.' },
      address: 'Lyon',
      latitude: 45.76,
    });
    await expect(
      client.request('members.organization.update', { id: org.id, name: 'Pris par Bob' }, as(bob)),
    ).rejects.toMatchObject({ code: 'not_found' });
    await client.request('members.organization.verify', { id: org.id }, as(admin));
    await expect(
      client.request('members.organization.update', { id: org.id, name: 'Pris par Bob' }, as(bob)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const byAdmin = await client.request(
      'members.organization.update',
      { id: org.id, latitude: null, longitude: null, website: null },
      as(admin),
    );
    expect(byAdmin).toMatchObject({ latitude: null, longitude: null, status: 'verified' });
    await expect(
      client.request('members.organization.update', { id: org.id, latitude: 12 }, as(alice)),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await outbox('members.organization.updated', org.id)).toHaveLength(2);
  });

  describe('networks', () => {
    let national: Organization;
    let regional: Organization;
    let local: Organization;
    let elsewhere: Organization;

    beforeAll(async () => {
      national = await verified({ name: `Réseau national ${seq}`, kind: 'reseau', latitude: 48.87, longitude: 2.39 });
      regional = await verified({
        name: `Réseau régional ${seq}`,
        kind: 'reseau',
        networkIds: [national.id],
        latitude: 49.18,
        longitude: -0.37,
      });
      local = await verified({
        name: `AMAP locale ${seq}`,
        kind: 'amap',
        networkIds: [regional.id],
        latitude: 49.2,
        longitude: -0.35,
      });
      elsewhere = await verified({ name: `Association ailleurs ${seq}`, kind: 'association' });
    });

    it('shows the networks an organisation belongs to', async () => {
      const got = await client.request('members.organization.get', { idOrSlug: local.id }, as(null));
      expect(got.networks).toEqual([{ id: regional.id, slug: regional.slug, name: regional.name }]);
    });

    it('filters members of a network recursively', async () => {
      const ofNational = await client.request('members.organization.list', { network: national.id }, as(null));
      expect(ofNational.data.map((o) => o.id).sort()).toEqual([regional.id, local.id].sort());
      const ofRegional = await client.request('members.organization.list', { network: regional.id }, as(null));
      expect(ofRegional.data.map((o) => o.id)).toEqual([local.id]);
      const ofLocal = await client.request('members.organization.list', { network: local.id }, as(null));
      expect(ofLocal.meta.total).toBe(0);
    });

    it('refuses networks that are not of kind reseau (400) and cycles (409)', async () => {
      await expect(
        client.request('members.organization.update', { id: elsewhere.id, networkIds: [local.id] }, as(alice)),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'networkIds.0' })],
      });
      await expect(
        client.request('members.organization.update', { id: national.id, networkIds: [regional.id] }, as(alice)),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        client.request('members.organization.update', { id: national.id, networkIds: [national.id] }, as(alice)),
      ).rejects.toMatchObject({ code: 'conflict' });
      const unchanged = await client.request('members.organization.get', { idOrSlug: national.id }, as(null));
      expect(unchanged.networks).toEqual([]);
      await expect(
        client.request('members.organization.update', { id: regional.id, kind: 'association' }, as(alice)),
      ).rejects.toMatchObject({ code: 'conflict', details: { field: 'kind' } });
    });

    it('refuses two concurrent changes that would close a cycle together', async () => {
      const a = await verified({ name: `Réseau A ${seq}`, kind: 'reseau' });
      const b = await verified({ name: `Réseau B ${seq}`, kind: 'reseau' });
      const results = await Promise.allSettled([
        client.request('members.organization.update', { id: a.id, networkIds: [b.id] }, as(admin)),
        client.request('members.organization.update', { id: b.id, networkIds: [a.id] }, as(admin)),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    });

    it('answers a GeoJSON map of verified organisations with coordinates, within a bbox', async () => {
      const pendingNearby = await create(alice, {
        name: `En attente ${seq}`,
        kind: 'amap',
        latitude: 49.19,
        longitude: -0.36,
      });
      const map = await client.request('members.organization.map', { network: national.id }, as(null));
      expect(map.type).toBe('FeatureCollection');
      expect(map.features.map((f) => f.id).sort()).toEqual([regional.id, local.id].sort());
      const feature = map.features.find((f) => f.id === local.id)!;
      expect(feature).toEqual({
        type: 'Feature',
        id: local.id,
        geometry: { type: 'Point', coordinates: [-0.35, 49.2] },
        properties: { name: local.name, slug: local.slug, kind: 'amap', networks: [regional.slug] },
      });

      const caen = await client.request('members.organization.map', { bbox: '-0.5,49.1,-0.2,49.3' }, as(null));
      const ids = caen.features.map((f) => f.id);
      expect(ids).toEqual(expect.arrayContaining([regional.id, local.id]));
      expect(ids).not.toContain(national.id);
      expect(ids).not.toContain(pendingNearby.id);
      expect(ids).not.toContain(elsewhere.id);
      await expect(
        client.request('members.organization.map', { bbox: '10,0,5,1' } as never, as(null)),
      ).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });

  it('filters by kind, theme, territory and accent-insensitive text, and sorts', async () => {
    const theme = randomUUID();
    const territory = (
      await client.request('processes.territory.create', { name: `Commune ${seq}`, type: 'commune' }, as(admin))
    ).id;
    const stamp = `z${seq}`;
    const a = await verified({
      name: `Épicerie ${stamp} A`,
      kind: 'cooperative',
      themeIds: [theme],
      territoryId: territory,
    });
    const b = await verified({ name: `Epicerie ${stamp} B`, kind: 'association', themeIds: [theme] });
    const byText = await client.request(
      'members.organization.list',
      { q: `EPICERIE ${stamp}`, sort: '-name' },
      as(null),
    );
    expect(byText.data.map((o) => o.id)).toEqual([b.id, a.id]);
    const byAccent = await client.request('members.organization.list', { q: `épicerie ${stamp}` }, as(null));
    expect(byAccent.meta.total).toBe(2);
    expect((await client.request('members.organization.list', { theme }, as(null))).meta.total).toBe(2);
    expect(
      (await client.request('members.organization.list', { theme, kind: 'cooperative' }, as(null))).data.map(
        (o) => o.id,
      ),
    ).toEqual([a.id]);
    expect(
      (await client.request('members.organization.list', { territoryId: territory }, as(null))).data.map((o) => o.id),
    ).toEqual([a.id]);
    const paged = await client.request('members.organization.list', { q: stamp, perPage: 1, page: 2 }, as(null));
    expect(paged.meta).toEqual({ total: 2, page: 2, perPage: 1 });
  });
});
