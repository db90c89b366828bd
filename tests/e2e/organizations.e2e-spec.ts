import type { Membership, MePerson, Organization, OrganizationMap, Page } from '@convergences/contracts';
import { api } from '../support/api';

const GEOJSON = 'application/geo+json';

async function me(username: string): Promise<MePerson> {
  return (await api<MePerson>('GET', '/api/v1/me', { as: username })).body;
}

async function createOrganization(as: string, body: Record<string, unknown>): Promise<Organization> {
  const response = await api<Organization>('POST', '/api/v1/organizations', { as, body });
  expect(response.status).toBe(201);
  return response.body;
}

async function pendingCount(): Promise<number> {
  return (await api<Page<Organization>>('GET', '/api/v1/organizations?status=pending&perPage=1', { as: 'admin' })).body
    .meta.total;
}

describe('organisations through the gateway', () => {
  it('lists the verified organisations of the demo network, and members of a network at any depth', async () => {
    const all = await api<Page<Organization>>('GET', '/api/v1/organizations?perPage=100');
    expect(all.status).toBe(200);
    const names = all.body.data.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(["Mouvement pour l'Économie Solidaire", 'MIRAMAP', 'AMAP de la Croix-Rousse']),
    );
    expect(names).not.toContain("Garage solidaire de l'agglomération caennaise");
    expect(all.body.data.every((o) => o.status === 'verified')).toBe(true);

    const mes = await api<Organization>('GET', '/api/v1/organizations/mouvement-pour-l-economie-solidaire');
    expect(mes.body).toMatchObject({ kind: 'reseau', status: 'verified', networks: [] });
    const members = await api<Page<Organization>>(`GET`, `/api/v1/organizations?network=${mes.body.id}&perPage=100`);
    const memberNames = members.body.data.map((o) => o.name);
    // MIRAMAP belongs to the movement, and the AMAP to MIRAMAP.
    expect(memberNames).toEqual(
      expect.arrayContaining(['MIRAMAP', 'AMAP de la Croix-Rousse', 'Terres de Convergence']),
    );
    expect(memberNames).not.toContain("Mouvement pour l'Économie Solidaire");
    const amaps = await api<Page<Organization>>('GET', `/api/v1/organizations?network=${mes.body.id}&kind=amap`);
    expect(amaps.body.data.map((o) => o.name)).toEqual(['AMAP de la Croix-Rousse']);
    const byText = await api<Page<Organization>>(
      'GET',
      `/api/v1/organizations?q=${encodeURIComponent('economie SOLIDAIRE')}`,
    );
    expect(byText.body.data.map((o) => o.name)).toContain("Mouvement pour l'Économie Solidaire");
    for (const query of ['kind=club', 'sort=popularity', 'perPage=101', 'network=mes']) {
      expect((await api('GET', `/api/v1/organizations?${query}`)).status).toBe(400);
    }
  });

  it('answers a GeoJSON map with Accept: application/geo+json, within a bbox', async () => {
    const map = await api<OrganizationMap>('GET', '/api/v1/organizations', { headers: { accept: GEOJSON } });
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(map.body.type).toBe('FeatureCollection');
    const amap = map.body.features.find((f) => f.properties.name === 'AMAP de la Croix-Rousse');
    expect(amap).toMatchObject({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [4.832, 45.7745] },
      properties: { kind: 'amap', slug: 'amap-de-la-croix-rousse', networks: ['miramap'] },
    });
    const names = map.body.features.map((f) => f.properties.name);
    expect(names).not.toContain('KPsens'); // no coordinates
    expect(names).not.toContain("Garage solidaire de l'agglomération caennaise"); // pending

    const lyon = await api<OrganizationMap>('GET', '/api/v1/organizations?bbox=4.7,45.7,4.9,45.8', {
      headers: { accept: GEOJSON },
    });
    const lyonNames = lyon.body.features.map((f) => f.properties.name);
    expect(lyonNames).toEqual(expect.arrayContaining(['MIRAMAP', 'Opale', 'AMAP de la Croix-Rousse']));
    expect(lyonNames).not.toContain('MES Occitanie');
    const bad = await api('GET', '/api/v1/organizations?bbox=200,0,1', { headers: { accept: GEOJSON } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('lets a participant propose one, hidden from others until a platform admin verifies it', async () => {
    const name = `Épicerie solidaire du Vigan ${Date.now()}`;
    const created = await api<Organization>('POST', '/api/v1/organizations', {
      as: 'alice',
      body: {
        name,
        kind: 'association',
        description: { fr: 'Une épicerie à prix choisis.' },
        website: 'https://epicerie.example.org',
        address: 'Le Vigan',
        latitude: 43.99,
        longitude: 3.6,
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/organizations/${created.body.id}`);
    expect(created.body).toMatchObject({ name, status: 'pending', verifiedAt: null });

    expect((await api('GET', `/api/v1/organizations/${created.body.slug}`)).status).toBe(404);
    expect((await api('GET', `/api/v1/organizations/${created.body.id}`, { as: 'bob' })).status).toBe(404);
    expect((await api('GET', `/api/v1/organizations/${created.body.slug}`, { as: 'alice' })).status).toBe(200);
    const q = `?q=${encodeURIComponent(name)}`;
    expect((await api<Page<Organization>>('GET', `/api/v1/organizations${q}`)).body.meta.total).toBe(0);
    expect((await api('GET', `/api/v1/organizations${q}&status=pending`, { as: 'bob' })).status).toBe(403);

    expect((await api('POST', `/api/v1/organizations/${created.body.id}/verify`)).status).toBe(401);
    const byAlice = await api('POST', `/api/v1/organizations/${created.body.id}/verify`, { as: 'alice' });
    expect(byAlice.status).toBe(403);
    expect(byAlice.body).toMatchObject({ code: 'forbidden' });
    const verified = await api<Organization>('POST', `/api/v1/organizations/${created.body.id}/verify`, {
      as: 'admin',
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', verifiedBy: (await me('admin')).id });
    const again = await api<Organization>('POST', `/api/v1/organizations/${created.body.id}/verify`, { as: 'admin' });
    expect(again.body.verifiedAt).toBe(verified.body.verifiedAt);
    expect((await api<Page<Organization>>('GET', `/api/v1/organizations${q}`)).body.data.map((o) => o.id)).toEqual([
      created.body.id,
    ]);
    expect((await api('POST', '/api/v1/organizations/not-a-uuid/verify', { as: 'admin' })).status).toBe(400);
  });

  it('refuses bad input with a clear problem, creating nothing', async () => {
    const before = await pendingCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Une AMAP', kind: 'club' }, 'kind'],
      [{ name: 'Une AMAP', kind: 'amap', latitude: 200, longitude: 3 }, 'latitude'],
      [{ name: 'Une AMAP', kind: 'amap', website: 'javascript:alert(1)' }, 'website'],
      [{ name: 'Une AMAP', kind: 'amap', logoUrl: 'data:image/png;base64,AAAA' }, 'logoUrl'],
      [{ name: 'Une AMAP', kind: 'amap', latitude: 45 }, 'longitude'],
    ];
    for (const [body, path] of cases) {
      const response = await api<{ code: string; errors: { path: string }[] }>('POST', '/api/v1/organizations', {
        as: 'alice',
        body,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors.map((e) => e.path)).toContain(path);
    }
    const huge = await api('POST', '/api/v1/organizations', {
      as: 'alice',
      rawBody: JSON.stringify({ name: 'Une AMAP', kind: 'amap', description: { fr: 'x'.repeat(5 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'payload_too_large' });
    expect((await api('POST', '/api/v1/organizations', { body: { name: 'Anonyme', kind: 'other' } })).status).toBe(401);
    expect(await pendingCount()).toBe(before);
  });

  it("lets the organisation's admins edit it (by slug), refuses others, and refuses bad networks", async () => {
    const created = await createOrganization('alice', {
      name: `Tiers-lieu des Capucins ${Date.now()}`,
      kind: 'tiers_lieu',
    });
    const miramap = (await api<Organization>('GET', '/api/v1/organizations/miramap')).body;
    const opale = (await api<Organization>('GET', '/api/v1/organizations/opale')).body;
    const edited = await api<Organization>('PATCH', `/api/v1/organizations/${created.slug}`, {
      as: 'alice',
      body: { address: 'Lyon 1er', latitude: 45.77, longitude: 4.83, networkIds: [miramap.id] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ address: 'Lyon 1er', slug: created.slug });
    expect(edited.body.networks.map((n) => n.slug)).toEqual(['miramap']);

    expect(
      (await api('PATCH', `/api/v1/organizations/${created.id}`, { as: 'bob', body: { name: 'À Bob' } })).status,
    ).toBe(404);
    await api('POST', `/api/v1/organizations/${created.id}/verify`, { as: 'admin' });
    const byBob = await api('PATCH', `/api/v1/organizations/${created.id}`, { as: 'bob', body: { name: 'À Bob' } });
    expect(byBob.status).toBe(403);
    const notANetwork = await api('PATCH', `/api/v1/organizations/${created.id}`, {
      as: 'alice',
      body: { networkIds: [opale.id] },
    });
    expect(notANetwork.status).toBe(400);
    const mes = (await api<Organization>('GET', '/api/v1/organizations/mouvement-pour-l-economie-solidaire')).body;
    const cycle = await api('PATCH', `/api/v1/organizations/${mes.id}`, {
      as: 'admin',
      body: { networkIds: [miramap.id] },
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body).toMatchObject({ code: 'conflict' });
    const unknownField = await api('PATCH', `/api/v1/organizations/${created.id}`, {
      as: 'alice',
      body: { status: 'verified' },
    });
    expect(unknownField.status).toBe(400);
    expect((await api<Organization>('GET', `/api/v1/organizations/${mes.id}`)).body.networks).toEqual([]);
  });
});

describe('memberships through the gateway', () => {
  it('invites, asks to join, accepts, declines, changes roles, leaves and removes, keeping an admin', async () => {
    const org = await createOrganization('alice', { name: `Coopérative du Bourg ${Date.now()}`, kind: 'cooperative' });
    await api('POST', `/api/v1/organizations/${org.id}/verify`, { as: 'admin' });
    const bob = await me('bob');

    // alice invites bob by nickname; bob sees it and accepts.
    expect(
      (await api('POST', `/api/v1/organizations/${org.id}/invitations`, { body: { nickname: bob.nickname } })).status,
    ).toBe(401);
    expect(
      (
        await api('POST', `/api/v1/organizations/${org.id}/invitations`, {
          as: 'bob',
          body: { nickname: bob.nickname },
        })
      ).status,
    ).toBe(403);
    const invitation = await api<Membership>('POST', `/api/v1/organizations/${org.id}/invitations`, {
      as: 'alice',
      body: { nickname: bob.nickname },
    });
    expect(invitation.status).toBe(201);
    expect(invitation.body).toMatchObject({ personId: bob.id, status: 'invited', role: 'member' });
    const bobs = await api<Page<Membership>>('GET', '/api/v1/me/memberships?status=invited', { as: 'bob' });
    expect(bobs.body.data.map((m) => m.id)).toContain(invitation.body.id);
    expect((await api('POST', `/api/v1/memberships/${invitation.body.id}/accept`, { as: 'alice' })).status).toBe(403);
    const accepted = await api<Membership>('POST', `/api/v1/memberships/${invitation.body.id}/accept`, { as: 'bob' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');

    // moderator asks to join; alice accepts. valuator asks; alice declines.
    const asked = await api<Membership>('POST', `/api/v1/organizations/${org.id}/join-requests`, { as: 'moderator' });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('requested');
    expect((await api('POST', `/api/v1/organizations/${org.id}/join-requests`, { as: 'moderator' })).status).toBe(409);
    expect((await api('POST', `/api/v1/memberships/${asked.body.id}/accept`, { as: 'alice' })).status).toBe(200);
    const other = await api<Membership>('POST', `/api/v1/organizations/${org.id}/join-requests`, { as: 'valuator' });
    const pendingForAlice = await api<Page<Membership>>(
      'GET',
      `/api/v1/organizations/${org.slug}/members?status=requested`,
      {
        as: 'alice',
      },
    );
    expect(pendingForAlice.body.data.map((m) => m.id)).toEqual([other.body.id]);
    expect((await api('GET', `/api/v1/organizations/${org.id}/members?status=requested`)).status).toBe(403);
    expect((await api('POST', `/api/v1/memberships/${other.body.id}/decline`, { as: 'alice' })).status).toBe(200);

    const publicMembers = await api<Page<Membership>>('GET', `/api/v1/organizations/${org.id}/members`);
    expect(publicMembers.body.meta.total).toBe(3);
    expect(publicMembers.body.data.every((m) => m.status === 'active')).toBe(true);

    // The last admin may not leave nor be demoted.
    const alices = publicMembers.body.data.find((m) => m.role === 'admin')!;
    const leaving = await api('DELETE', `/api/v1/memberships/${alices.id}`, { as: 'alice' });
    expect(leaving.status).toBe(409);
    expect(leaving.body).toMatchObject({ code: 'last_admin' });
    expect(
      (await api('PATCH', `/api/v1/memberships/${alices.id}`, { as: 'alice', body: { role: 'member' } })).status,
    ).toBe(409);
    expect(
      (await api('PATCH', `/api/v1/memberships/${accepted.body.id}`, { as: 'bob', body: { role: 'admin' } })).status,
    ).toBe(403);
    expect(
      (await api('PATCH', `/api/v1/memberships/${accepted.body.id}`, { as: 'alice', body: { role: 'boss' } })).status,
    ).toBe(400);
    const promoted = await api<Membership>('PATCH', `/api/v1/memberships/${accepted.body.id}`, {
      as: 'alice',
      body: { role: 'admin' },
    });
    expect(promoted.body.role).toBe('admin');
    expect((await api('DELETE', `/api/v1/memberships/${alices.id}`, { as: 'alice' })).status).toBe(204);
    // bob, now admin, removes moderator.
    expect((await api('DELETE', `/api/v1/memberships/${asked.body.id}`, { as: 'valuator' })).status).toBe(403);
    expect((await api('DELETE', `/api/v1/memberships/${asked.body.id}`, { as: 'bob' })).status).toBe(204);
    const remaining = await api<Page<Membership>>('GET', `/api/v1/organizations/${org.id}/members`);
    expect(remaining.body.data.map((m) => [m.personId, m.role])).toEqual([[bob.id, 'admin']]);
  });

  it('answers 401, 400 and 404 where they belong', async () => {
    expect((await api('GET', '/api/v1/me/memberships')).status).toBe(401);
    expect((await api('POST', '/api/v1/memberships/not-a-uuid/accept', { as: 'bob' })).status).toBe(400);
    expect(
      (await api('DELETE', '/api/v1/memberships/01900000-0000-7000-8000-000000000000', { as: 'bob' })).status,
    ).toBe(404);
    expect(
      (await api('POST', '/api/v1/organizations/01900000-0000-7000-8000-000000000000/join-requests', { as: 'bob' }))
        .status,
    ).toBe(404);
    const both = await api('POST', '/api/v1/organizations/01900000-0000-7000-8000-000000000000/invitations', {
      as: 'alice',
      body: { nickname: 'bob', personId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(both.status).toBe(400);
  });

  it('shows alice as a member of the demo AMAP', async () => {
    const mine = await api<Page<Membership>>('GET', '/api/v1/me/memberships?status=active', { as: 'alice' });
    expect(mine.body.data.map((m) => m.organizationSlug)).toContain('amap-de-la-croix-rousse');
    const amap = await api<Page<Membership>>('GET', '/api/v1/organizations/amap-de-la-croix-rousse/members');
    expect(amap.body.data.map((m) => m.role).sort()).toEqual(['admin', 'member']);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const document = await api<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
      'GET',
      '/api/docs/openapi.json',
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/organizations',
        '/api/v1/organizations/{idOrSlug}',
        '/api/v1/organizations/{id}/verify',
        '/api/v1/organizations/{idOrSlug}/members',
        '/api/v1/organizations/{id}/invitations',
        '/api/v1/organizations/{id}/join-requests',
        '/api/v1/memberships/{id}',
        '/api/v1/memberships/{id}/accept',
        '/api/v1/memberships/{id}/decline',
        '/api/v1/me/memberships',
      ]),
    );
    expect(Object.keys(document.body.components.schemas)).toEqual(
      expect.arrayContaining(['Organization', 'OrganizationMap', 'Membership']),
    );
  });
});
