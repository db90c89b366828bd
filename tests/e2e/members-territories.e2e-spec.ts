// Members and the territories of processes, on the demo data: residence, organisations of a
// territory and everything under it, verifications for a territory or a parent one.
import type {
  MePerson,
  Organization,
  OrganizationMap,
  Page,
  PersonalDataExport,
  PublicPerson,
  Territory,
  Verification,
} from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';
import { platformState } from '../support/platform-state';

type Problem = { status: number; code: string; errors?: { path: string }[] };

/** The demo territory with this official code (or name, for a quartier). */
async function territory(type: string, lookup: { code: string } | { q: string }): Promise<Territory> {
  const query = new URLSearchParams({ type, ...lookup });
  const page = await api<Page<Territory>>('GET', `/api/v1/territories?${query}`);
  expect(page.body.data).toHaveLength(1);
  return page.body.data[0];
}

async function namesIn(territoryId: string, as?: string, extra = ''): Promise<string[]> {
  const page = await api<Page<Organization>>(
    'GET',
    `/api/v1/organizations?territoryId=${territoryId}&perPage=100${extra}`,
    {
      as,
    },
  );
  expect(page.status).toBe(200);
  return page.body.data.map((o) => o.name).sort();
}

const me = async (as: string) => (await api<MePerson>('GET', '/api/v1/me', { as })).body;

function expectTerritoryRefused(response: { status: number; body: unknown }) {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({
    code: 'validation_failed',
    errors: [expect.objectContaining({ path: 'territoryId' })],
  });
}

describe('territories in members, through the gateway', () => {
  let occitanie: Territory;
  let gard: Territory;
  let vigan: Territory;
  let nimes: Territory;
  let rhone: Territory;
  let lyon: Territory;
  let croixRousse: Territory;

  beforeAll(async () => {
    occitanie = await territory('region', { code: '76' });
    gard = await territory('departement', { code: '30' });
    vigan = await territory('commune', { code: '30350' });
    nimes = await territory('commune', { code: '30189' });
    rhone = await territory('departement', { code: '69' });
    lyon = await territory('commune', { code: '69123' });
    croixRousse = await territory('quartier', { q: 'Croix-Rousse' });
  });

  describe('organisations of a territory, including sub-territories', () => {
    it('finds the demo organisations of a commune by its département and région, not by a neighbouring one', async () => {
      const terres = await api<Organization>('GET', '/api/v1/organizations/terres-de-convergence');
      expect(terres.body.territoryId).toBe(vigan.id);

      expect(await namesIn(vigan.id)).toEqual(['Terres de Convergence']);
      const inGard = await namesIn(gard.id);
      expect(inGard).toContain('Terres de Convergence');
      // MES Occitanie is in Toulouse: Occitanie, but not the Gard.
      expect(inGard).not.toContain('MES Occitanie');
      expect(await namesIn(occitanie.id)).toEqual(expect.arrayContaining(['MES Occitanie', 'Terres de Convergence']));
      expect(await namesIn(occitanie.id)).not.toContain('Opale');
      // The relais local of Saint-Hippolyte-du-Fort (Gard) is still pending: for administrators only.
      expect(inGard).not.toContain('Relais local des Cévennes');
      expect(await namesIn(gard.id, 'admin', '&status=pending')).toContain('Relais local des Cévennes');

      expect(await namesIn(croixRousse.id)).toEqual(['AMAP de la Croix-Rousse']);
      expect(await namesIn(lyon.id)).toEqual(expect.arrayContaining(['AMAP de la Croix-Rousse', 'MIRAMAP', 'Opale']));
    });

    it('filters the map the same way', async () => {
      const map = await api<OrganizationMap>('GET', `/api/v1/organizations?territoryId=${rhone.id}`, {
        headers: { accept: 'application/geo+json' },
      });
      expect(map.status).toBe(200);
      const names = map.body.features.map((f) => f.properties.name);
      expect(names).toEqual(expect.arrayContaining(['AMAP de la Croix-Rousse', 'MIRAMAP', 'Opale']));
      expect(names).not.toContain('Terres de Convergence');
    });

    it('answers a 400 on territoryId for an unknown territory, in the list and on the map', async () => {
      const unknown = randomUUID();
      expectTerritoryRefused(await api('GET', `/api/v1/organizations?territoryId=${unknown}`));
      expectTerritoryRefused(
        await api('GET', `/api/v1/organizations?territoryId=${unknown}`, {
          headers: { accept: 'application/geo+json' },
        }),
      );
    });

    it('refuses to create or move an organisation into an unknown territory, changing nothing', async () => {
      const stamp = randomUUID().slice(0, 8);
      const name = `Collectif des Garrigues ${stamp}`;
      expectTerritoryRefused(
        await api('POST', '/api/v1/organizations', {
          as: 'bob',
          body: { name, kind: 'association', territoryId: randomUUID() },
        }),
      );
      const found = await api<Page<Organization>>('GET', `/api/v1/organizations?q=${stamp}&status=pending`, {
        as: 'admin',
      });
      expect(found.body.meta.total).toBe(0);

      const created = await api<Organization>('POST', '/api/v1/organizations', {
        as: 'bob',
        body: { name, kind: 'association', territoryId: nimes.id },
      });
      expect(created.status).toBe(201);
      expect(created.body.territoryId).toBe(nimes.id);
      expectTerritoryRefused(
        await api('PATCH', `/api/v1/organizations/${created.body.id}`, {
          as: 'bob',
          body: { name: `Autre nom ${stamp}`, territoryId: randomUUID() },
        }),
      );
      const after = await api<Organization>('GET', `/api/v1/organizations/${created.body.id}`, { as: 'bob' });
      expect(after.body).toEqual(created.body);
    });
  });

  describe('territory of residence', () => {
    afterAll(async () => {
      await api('PATCH', '/api/v1/me', { as: 'valuator', body: { territoryId: null } });
    });

    it('is set with PATCH /me, shown on the public profile and in the export, and cleared with null', async () => {
      const updated = await api<MePerson>('PATCH', '/api/v1/me', { as: 'valuator', body: { territoryId: vigan.id } });
      expect(updated.status).toBe(200);
      expect(updated.body.territoryId).toBe(vigan.id);
      expect((await me('valuator')).territoryId).toBe(vigan.id);

      const profile = await api<PublicPerson>('GET', `/api/v1/people/${updated.body.nickname}`);
      expect(profile.body).toMatchObject({ private: false, territoryId: vigan.id });

      const exported = await api<PersonalDataExport>('GET', '/api/v1/me/export', { as: 'valuator' });
      expect(exported.status).toBe(200);
      expect(exported.body.services.members).toMatchObject({ profile: { territoryId: vigan.id } });

      const cleared = await api<MePerson>('PATCH', '/api/v1/me', { as: 'valuator', body: { territoryId: null } });
      expect(cleared.body.territoryId).toBeNull();
    });

    it('refuses an unknown territory or one that is no id with a 400 on territoryId, changing nothing', async () => {
      await api('PATCH', '/api/v1/me', { as: 'valuator', body: { territoryId: gard.id } });
      const before = await me('valuator');
      for (const territoryId of [randomUUID(), 'le-vigan']) {
        const refused = await api<Problem>('PATCH', '/api/v1/me', {
          as: 'valuator',
          body: { territoryId, bio: 'Évaluateur des Cévennes.' },
        });
        expectTerritoryRefused(refused);
      }
      expect(await me('valuator')).toEqual(before);
    });
  });

  describe('verifications for a territory or a parent one', () => {
    it('refuses to grant, import a census or create codes for an unknown territory, creating nothing', async () => {
      const valuator = await me('valuator');
      const territoryId = randomUUID();
      const mine = async () =>
        (await api<Page<Verification>>('GET', `/api/v1/verifications?personId=${valuator.id}`, { as: 'admin' })).body
          .meta.total;
      const before = await mine();
      expectTerritoryRefused(
        await api('POST', '/api/v1/verifications', {
          as: 'admin',
          body: { personId: valuator.id, kind: 'residency', territoryId },
        }),
      );
      for (const dryRun of [true, false]) {
        expectTerritoryRefused(
          await api('POST', '/api/v1/verifications/census', {
            as: 'admin',
            body: { kind: 'residency', territoryId, csv: 'identifier\nE2E-GARD-1\n', dryRun },
          }),
        );
      }
      expectTerritoryRefused(
        await api('POST', '/api/v1/verifications/codes', {
          as: 'admin',
          body: { kind: 'residency', territoryId, count: 2 },
        }),
      );
      expect(await mine()).toBe(before);
    });

    it('counts a residency in the Gard for Le Vigan when a service asks without naming the parents', async () => {
      const valuator = await me('valuator');
      const granted = await api<Verification>('POST', '/api/v1/verifications', {
        as: 'admin',
        body: { personId: valuator.id, kind: 'residency', territoryId: gard.id },
      });
      expect(granted.status).toBe(201);
      const state = platformState();
      const services = new ServiceClient({
        natsUrl: state.natsUrl,
        subjectPrefix: state.subjectPrefix,
        requestTimeoutMs: 5000,
        name: 'e2e-members-territories',
      });
      await services.connect();
      try {
        const check = (territoryId: string) =>
          services.request(
            'members.verification.check',
            { personId: valuator.id, kind: 'residency', territoryId },
            { actor: null, requestId: `e2e-check-${randomUUID()}` },
          );
        expect(await check(vigan.id)).toEqual({ verified: true, verificationId: granted.body.id, expiresAt: null });
        expect((await check(nimes.id)).verified).toBe(true);
        expect((await check(occitanie.id)).verified).toBe(false);
        expect((await check(lyon.id)).verified).toBe(false);
      } finally {
        await services.close();
        await api('DELETE', `/api/v1/verifications/${granted.body.id}`, {
          as: 'admin',
          body: { reason: 'end of the test' },
        });
      }
    });
  });
});
