import type { Page, Territory, TerritoryNode, Theme, ThemeNode } from '@convergences/contracts';
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';

type Problem = { code: string; errors?: { path: string }[]; details?: Record<string, unknown> };

async function territories(query: string): Promise<Territory[]> {
  const response = await api<Page<Territory>>('GET', `/api/v1/territories?perPage=100&${query}`);
  expect(response.status).toBe(200);
  return response.body.data;
}

async function territory(type: string, code: string): Promise<Territory> {
  // An official code names one territory of a type: exactly one answers.
  const found = await territories(`type=${type}&code=${code}`);
  expect(found).toEqual([expect.objectContaining({ type, code })]);
  return found[0];
}

async function territoryTotal(): Promise<number> {
  return (await api<Page<Territory>>('GET', '/api/v1/territories?perPage=1')).body.meta.total;
}

async function themeTotal(): Promise<number> {
  return (await api<Page<Theme>>('GET', '/api/v1/themes?perPage=1')).body.meta.total;
}

describe('territories and themes through the gateway', () => {
  it('reads the demo territories without signing in: the Gard holds Le Vigan, Nîmes and Saint-Hippolyte-du-Fort', async () => {
    const occitanie = await territory('region', '76');
    const gard = await territory('departement', '30');
    expect(gard).toMatchObject({ name: 'Gard', parentId: occitanie.id, ancestorIds: [occitanie.id] });
    // Other specs (the back office's) may add communes to the Gard: the demo ones are there, in name order.
    const communes = (await territories(`within=${gard.id}&type=commune`)).map((t) => [t.name, t.code]);
    expect(communes.filter(([, code]) => ['30350', '30189', '30259'].includes(code!))).toEqual([
      ['Le Vigan', '30350'],
      ['Nîmes', '30189'],
      ['Saint-Hippolyte-du-Fort', '30259'],
    ]);
    const vigan = await territory('commune', '30350');
    const one = await api<Territory>('GET', `/api/v1/territories/${vigan.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: 'Le Vigan', type: 'commune', ancestorIds: [occitanie.id, gard.id] });

    expect((await territories('q=nimes')).map((t) => t.name)).toEqual(['Nîmes']);
    const lille = await territory('commune', '59350');
    const lilleMetropole = await territory('epci', '200093201');
    expect(lille.ancestorIds).toEqual([
      (await territory('region', '32')).id,
      (await territory('departement', '59')).id,
      lilleMetropole.id,
    ]);
    expect((await territories(`parentId=${lille.id}`)).map((t) => [t.name, t.type])).toEqual([
      ['Lille-Sud', 'quartier'],
    ]);
    expect((await territories('type=region&parentId=root')).map((t) => t.code).sort()).toEqual([
      '11',
      '27',
      '28',
      '32',
      '53',
      '76',
      '84',
      '93',
    ]);

    const page = await api<Page<Territory>>('GET', '/api/v1/territories?type=commune&perPage=5&page=2&sort=code');
    expect(page.body.meta).toEqual({ total: expect.any(Number), page: 2, perPage: 5 });
    expect(page.body.data).toHaveLength(5);
    expect(page.body.meta.total).toBeGreaterThanOrEqual(15);
    for (const query of ['type=ville', 'perPage=101', 'sort=population', 'within=gard', 'parentId=x']) {
      const bad = await api<Problem>('GET', `/api/v1/territories?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('answers the territorial tree, a subtree and a tree down to a level', async () => {
    const gard = await territory('departement', '30');
    const ofGard = await api<{ data: TerritoryNode[] }>('GET', `/api/v1/territories/tree?rootId=${gard.id}`);
    expect(ofGard.status).toBe(200);
    expect(ofGard.body.data).toEqual([
      expect.objectContaining({
        name: 'Gard',
        code: '30',
        children: expect.arrayContaining([
          expect.objectContaining({ name: 'Le Vigan', type: 'commune', code: '30350', children: [] }),
          expect.objectContaining({ name: 'Nîmes' }),
          expect.objectContaining({ name: 'Saint-Hippolyte-du-Fort' }),
        ]),
      }),
    ]);
    const regions = await api<{ data: TerritoryNode[] }>('GET', '/api/v1/territories/tree?maxType=departement');
    const occitanie = regions.body.data.find((n) => n.code === '76');
    expect(occitanie?.children.map((n) => n.name)).toEqual(['Gard', 'Haute-Garonne', 'Hérault']);
    expect(regions.body.data.flatMap((n) => n.children).every((n) => n.children.length === 0)).toBe(true);

    expect((await api('GET', `/api/v1/territories/tree?rootId=${randomUUID()}`)).status).toBe(404);
    expect((await api('GET', '/api/v1/territories/tree?maxType=canton')).status).toBe(400);
    expect((await api('GET', `/api/v1/territories/${randomUUID()}`)).status).toBe(404);
    expect((await api('GET', '/api/v1/territories/gard')).status).toBe(400);
  });

  it('reads the demo themes: the four work streams, the transition themes under advocacy', async () => {
    const tree = await api<{ data: ThemeNode[] }>('GET', '/api/v1/themes/tree');
    expect(tree.status).toBe(200);
    expect(tree.body.data.slice(0, 4).map((n) => n.name.fr)).toEqual([
      'Innovation sociale et citoyenne pour le développement territorial',
      "Évaluation de l'utilité sociale et de l'impact social",
      "Modèles socio-économiques des petites structures de l'ESS",
      'Plaidoyer pour la transition',
    ]);
    const plaidoyer = tree.body.data[3];
    expect(plaidoyer).toMatchObject({ name: { en: 'Advocacy for the transition' }, colour: '#2e7d32' });
    expect(plaidoyer.children.map((n) => n.name.fr)).toEqual([
      'Alimentation durable',
      'Accès solidaire à la terre',
      'Énergie éthique',
      'Décider ensemble',
      'Préservation de la biodiversité',
      'Solidarité internationale',
    ]);
    const children = await api<Page<Theme>>('GET', `/api/v1/themes?parentId=${plaidoyer.id}`);
    expect(children.body.meta.total).toBe(6);
    const ethical = await api<Page<Theme>>('GET', '/api/v1/themes?q=ethical');
    expect(ethical.body.data.map((t) => t.name.fr)).toEqual(['Énergie éthique']);
    const one = await api<Theme>('GET', `/api/v1/themes/${plaidoyer.id}`);
    expect(one.body).toMatchObject({ id: plaidoyer.id, parentId: null, position: 3 });
    expect((await api('GET', `/api/v1/themes/${randomUUID()}`)).status).toBe(404);
    expect((await api('GET', '/api/v1/themes/tree?rootId=x')).status).toBe(400);
  });

  it('lets platform admins manage territories, refusing others and bad changes without writing anything', async () => {
    const herault = await territory('departement', '34');
    const gard = await territory('departement', '30');
    const before = await territoryTotal();
    const body = { name: 'Lodève', type: 'commune', code: '34142', parentId: herault.id };

    const anonymous = await api<Problem>('POST', '/api/v1/territories', { body });
    expect(anonymous.status).toBe(401);
    const participant = await api<Problem>('POST', '/api/v1/territories', { as: 'alice', body });
    expect(participant.status).toBe(403);
    expect(participant.body.code).toBe('forbidden');
    const underCommune = await api<Problem>('POST', '/api/v1/territories', {
      as: 'admin',
      body: { ...body, parentId: (await territory('commune', '34172')).id },
    });
    expect(underCommune.status).toBe(400);
    expect(underCommune.body.errors).toEqual([expect.objectContaining({ path: 'parentId' })]);
    const badCode = await api<Problem>('POST', '/api/v1/territories', { as: 'admin', body: { ...body, code: '3414' } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors).toEqual([expect.objectContaining({ path: 'code' })]);
    const unknownParent = await api<Problem>('POST', '/api/v1/territories', {
      as: 'admin',
      body: { ...body, parentId: randomUUID() },
    });
    expect(unknownParent.status).toBe(400);
    expect(unknownParent.body.errors).toEqual([expect.objectContaining({ path: 'parentId' })]);
    const takenCode = await api<Problem>('POST', '/api/v1/territories', {
      as: 'admin',
      body: { ...body, code: '34172' },
    });
    expect(takenCode.status).toBe(409);
    expect(takenCode.body).toMatchObject({ code: 'conflict', details: { field: 'code' } });
    expect(await territoryTotal()).toBe(before);

    const created = await api<Territory>('POST', '/api/v1/territories', { as: 'admin', body });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/territories/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Lodève', ancestorIds: [herault.ancestorIds[0], herault.id] });

    // Moved to the Gard (wrongly) and back: its ancestry follows.
    const moved = await api<Territory>('PATCH', `/api/v1/territories/${created.body.id}`, {
      as: 'admin',
      body: { parentId: gard.id, name: 'Lodève (Hérault)' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'Lodève (Hérault)', parentId: gard.id });
    const back = await api<Territory>('PATCH', `/api/v1/territories/${created.body.id}`, {
      as: 'admin',
      body: { parentId: herault.id, name: 'Lodève' },
    });
    expect(back.body.ancestorIds).toEqual([herault.ancestorIds[0], herault.id]);

    const cycle = await api<Problem>('PATCH', `/api/v1/territories/${herault.id}`, {
      as: 'admin',
      body: { parentId: created.body.id },
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body).toMatchObject({ code: 'conflict', details: { field: 'parentId' } });
    expect(
      (await api('PATCH', `/api/v1/territories/${created.body.id}`, { as: 'alice', body: { name: 'X' } })).status,
    ).toBe(403);
    expect((await api('PATCH', `/api/v1/territories/${created.body.id}`, { body: { name: 'X' } })).status).toBe(401);
    expect(
      (await api('PATCH', `/api/v1/territories/${randomUUID()}`, { as: 'admin', body: { name: 'Nulle part' } })).status,
    ).toBe(404);
    const typeChange = await api<Problem>('PATCH', `/api/v1/territories/${created.body.id}`, {
      as: 'admin',
      body: { type: 'epci' },
    });
    expect(typeChange.status).toBe(400);
    expect((await api<Territory>('GET', `/api/v1/territories/${herault.id}`)).body.parentId).toBe(herault.parentId);
    expect((await api<Territory>('GET', `/api/v1/territories/${created.body.id}`)).body).toMatchObject({
      name: 'Lodève',
      type: 'commune',
    });
  });

  it('lets platform admins manage themes, refusing others and bad changes without writing anything', async () => {
    const before = await themeTotal();
    const body = { name: { fr: 'Monnaies locales', en: 'Local currencies' }, colour: '#546E7A' };
    expect((await api('POST', '/api/v1/themes', { body })).status).toBe(401);
    expect((await api('POST', '/api/v1/themes', { as: 'alice', body })).status).toBe(403);
    const badColour = await api<Problem>('POST', '/api/v1/themes', { as: 'admin', body: { ...body, colour: 'grey' } });
    expect(badColour.status).toBe(400);
    expect(badColour.body.errors).toEqual([expect.objectContaining({ path: 'colour' })]);
    const unknownParent = await api<Problem>('POST', '/api/v1/themes', {
      as: 'admin',
      body: { ...body, parentId: randomUUID() },
    });
    expect(unknownParent.status).toBe(400);
    expect(await themeTotal()).toBe(before);

    const created = await api<Theme>('POST', '/api/v1/themes', { as: 'admin', body });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/themes/${created.body.id}`);
    expect(created.body).toMatchObject({ colour: '#546e7a', parentId: null, position: 4 });

    const plaidoyer = (await api<Page<Theme>>('GET', '/api/v1/themes?q=plaidoyer')).body.data[0];
    const moved = await api<Theme>('PATCH', `/api/v1/themes/${created.body.id}`, {
      as: 'admin',
      body: { parentId: plaidoyer.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: plaidoyer.id, position: 6 });
    const cycle = await api<Problem>('PATCH', `/api/v1/themes/${plaidoyer.id}`, {
      as: 'admin',
      body: { parentId: created.body.id },
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body).toMatchObject({ code: 'conflict', details: { field: 'parentId' } });
    expect((await api<Theme>('GET', `/api/v1/themes/${plaidoyer.id}`)).body.parentId).toBeNull();
    expect(
      (await api('PATCH', `/api/v1/themes/${created.body.id}`, { as: 'alice', body: { colour: '#000000' } })).status,
    ).toBe(403);
    expect(
      (await api('PATCH', `/api/v1/themes/${randomUUID()}`, { as: 'admin', body: { colour: '#000000' } })).status,
    ).toBe(404);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const document = await api<{ paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>(
      'GET',
      '/api/docs/openapi.json',
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/territories',
        '/api/v1/territories/tree',
        '/api/v1/territories/{id}',
        '/api/v1/themes',
        '/api/v1/themes/tree',
        '/api/v1/themes/{id}',
      ]),
    );
    expect(Object.keys(document.body.components.schemas)).toEqual(
      expect.arrayContaining(['Territory', 'TerritoryNode', 'Theme', 'ThemeNode']),
    );
  });
});
