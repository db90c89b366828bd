// What members does with the territories of `processes`: residence, organisations "of a territory
// (including sub-territories)", verifications "for that territory or a parent one". Real Postgres
// and NATS; processes runs as its own process, from its build, and members asks it over NATS.
import type { Actor, EventEnvelope, Territory, TerritoryType } from '@convergences/contracts';
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
import { v7 as uuidv7 } from 'uuid';
import { membersService } from '../src/members.service';

jest.setTimeout(60_000);

describe('territories in members', () => {
  let run: IsolatedRun;
  let members: RunningService;
  let processes: ServiceProcess;
  let client: ServiceClient;
  let seq = 0;
  let admin: Actor;
  let alice: Actor;
  const as = (actor: Actor | null) => ({ actor, requestId: `members-territories-${++seq}` });

  async function person(username: string, roles = ['participant']): Promise<Actor> {
    return registerPerson(client, as(null), username, {
      username: `${username}${++seq}`,
      roles,
      email: `${username}@example.org`,
    });
  }
  const newTerritory = (name: string, type: TerritoryType, parent?: Territory) =>
    client.request('processes.territory.create', { name, type, parentId: parent?.id ?? null }, as(admin));
  const fieldError = (path: string) => ({
    code: 'validation_failed',
    errors: [expect.objectContaining({ path })],
  });
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(members.db)).rows[0].n;
  const updatedEvents = async (personId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<{ changed: string[] }> }>`select envelope from outbox
      where type = 'members.person.updated' and envelope->'data'->>'personId' = ${personId} order by id`.execute(
      members.db,
    );
    return rows.map((r) => r.envelope.data.changed);
  };

  // Occitanie > Gard > { Le Vigan, Nîmes }, and Occitanie > Hérault > Montpellier.
  let occitanie: Territory;
  let gard: Territory;
  let vigan: Territory;
  let nimes: Territory;
  let herault: Territory;
  let montpellier: Territory;

  beforeAll(async () => {
    run = await createIsolatedRun('members-territories');
    [members, processes] = await Promise.all([
      startService(membersService, run.env),
      startServiceProcess('processes', run.env),
    ]);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 10_000,
      name: 'members-territories-test',
    });
    await client.connect();
    admin = await person('admin', ['admin', 'participant']);
    alice = await person('alice');
    occitanie = await newTerritory('Occitanie', 'region');
    gard = await newTerritory('Gard', 'departement', occitanie);
    vigan = await newTerritory('Le Vigan', 'commune', gard);
    nimes = await newTerritory('Nîmes', 'commune', gard);
    herault = await newTerritory('Hérault', 'departement', occitanie);
    montpellier = await newTerritory('Montpellier', 'commune', herault);
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([members?.close(), processes?.stop()]);
    await run?.dispose();
  });

  describe('territory of residence', () => {
    it('sets, keeps and clears it, announcing each change once; a public profile shows it, a private one does not', async () => {
      const resident = await person('ambroise');
      const set = await client.request('members.person.update', { territoryId: vigan.id }, as(resident));
      expect(set).toMatchObject({ id: resident.personId, territoryId: vigan.id });
      expect(await client.request('members.person.get', { id: resident.personId }, as(null))).toEqual(set);
      expect(await client.request('members.person.inspect', { id: resident.personId }, as(admin))).toMatchObject({
        territoryId: vigan.id,
      });
      expect(await client.request('members.person.profile', { nickname: set.nickname }, as(null))).toMatchObject({
        private: false,
        territoryId: vigan.id,
      });

      // The same territory again changes nothing and announces nothing.
      await client.request('members.person.update', { territoryId: vigan.id }, as(resident));
      await client.request('members.person.update', { profileVisibility: 'private' }, as(resident));
      expect(await client.request('members.person.profile', { nickname: set.nickname }, as(null))).toEqual({
        nickname: set.nickname,
        displayName: set.displayName,
        private: true,
      });

      const cleared = await client.request('members.person.update', { territoryId: null }, as(resident));
      expect(cleared.territoryId).toBeNull();
      expect(await updatedEvents(resident.personId)).toEqual([['territoryId'], ['profileVisibility'], ['territoryId']]);
    });

    it('refuses a territory processes does not know, or that is no id, with a 400 on territoryId, changing nothing', async () => {
      const resident = await person('berenice');
      await client.request('members.person.update', { territoryId: gard.id }, as(resident));
      const before = await client.request('members.person.get', { id: resident.personId }, as(null));
      for (const territoryId of [uuidv7(), 'le-vigan']) {
        await expect(
          client.request('members.person.update', { territoryId, bio: 'Apicultrice.' }, as(resident)),
        ).rejects.toMatchObject(fieldError('territoryId'));
      }
      expect(await client.request('members.person.get', { id: resident.personId }, as(null))).toEqual(before);
      expect(await updatedEvents(resident.personId)).toEqual([['territoryId']]);
    });

    it('is part of the personal-data export and erased with the account, for good', async () => {
      const resident = await person('celestin');
      await client.request('members.person.update', { territoryId: nimes.id }, as(resident));
      const exported = await client.request('members.privacy.export', { personId: resident.personId }, as(resident));
      expect(exported.data).toMatchObject({ profile: { id: resident.personId, territoryId: nimes.id } });

      await client.request('members.privacy.delete', { personId: resident.personId }, as(resident));
      const deleted = await client.request('members.person.get', { id: resident.personId }, as(null));
      expect(deleted).toMatchObject({ displayName: 'Compte supprimé', bio: null, email: null, territoryId: null });
      // The database holds it too: a deleted account has no territory.
      await expect(
        sql`update people set territory_id = ${nimes.id} where id = ${resident.personId}`.execute(members.db),
      ).rejects.toMatchObject({ constraint: 'people_deleted_no_territory' });
    });
  });

  describe('organisations by territory', () => {
    it('finds a commune’s organisations by its département and its région, not by a sibling commune, in the list and on the map', async () => {
      const verified = async (name: string, territory: Territory, latitude: number, longitude: number) => {
        const created = await client.request(
          'members.organization.create',
          { name, kind: 'association', territoryId: territory.id, latitude, longitude },
          as(alice),
        );
        expect(created.territoryId).toBe(territory.id);
        return client.request('members.organization.verify', { id: created.id }, as(admin));
      };
      const inVigan = await verified('Jardins partagés du Vigan', vigan, 43.99, 3.6);
      const inNimes = await verified('Recyclerie de Nîmes', nimes, 43.84, 4.36);
      const inGard = await verified('Réseau gardois des AMAP', gard, 44.0, 4.1);
      const inMontpellier = await verified('Café associatif de Montpellier', montpellier, 43.61, 3.88);
      const listed = async (filter: { territoryId?: string; territory?: string }) =>
        (await client.request('members.organization.list', { ...filter, perPage: 100 }, as(null))).data
          .map((o) => o.id)
          .sort();
      const mapped = async (territoryId: string) =>
        (await client.request('members.organization.map', { territoryId }, as(null))).features.map((f) => f.id).sort();

      expect(await listed({ territoryId: vigan.id })).toEqual([inVigan.id]);
      expect(await listed({ territoryId: nimes.id })).toEqual([inNimes.id]);
      expect(await listed({ territoryId: gard.id })).toEqual([inVigan.id, inNimes.id, inGard.id].sort());
      expect(await listed({ territoryId: occitanie.id })).toEqual(
        [inVigan.id, inNimes.id, inGard.id, inMontpellier.id].sort(),
      );
      expect(await listed({ territoryId: herault.id })).toEqual([inMontpellier.id]);
      // `territory`, the filter's former name, means the same.
      expect(await listed({ territory: gard.id })).toEqual(await listed({ territoryId: gard.id }));

      expect(await mapped(gard.id)).toEqual([inVigan.id, inNimes.id, inGard.id].sort());
      expect(await mapped(vigan.id)).toEqual([inVigan.id]);
      expect(await mapped(herault.id)).toEqual([inMontpellier.id]);
    });

    it('refuses an unknown territory on creation, on change and in filters, changing nothing', async () => {
      const unknown = uuidv7();
      const before = await count('organizations');
      await expect(
        client.request(
          'members.organization.create',
          { name: 'AMAP fantôme', kind: 'amap', territoryId: unknown },
          as(alice),
        ),
      ).rejects.toMatchObject(fieldError('territoryId'));
      expect(await count('organizations')).toBe(before);

      const organization = await client.request(
        'members.organization.create',
        { name: 'Épicerie solidaire de Ganges', kind: 'association', territoryId: gard.id },
        as(alice),
      );
      await expect(
        client.request(
          'members.organization.update',
          { id: organization.id, name: 'Épicerie de nulle part', territoryId: unknown },
          as(alice),
        ),
      ).rejects.toMatchObject(fieldError('territoryId'));
      expect(await client.request('members.organization.get', { idOrSlug: organization.id }, as(alice))).toEqual(
        organization,
      );
      const moved = await client.request(
        'members.organization.update',
        { id: organization.id, territoryId: vigan.id },
        as(alice),
      );
      expect(moved.territoryId).toBe(vigan.id);

      await expect(
        client.request('members.organization.list', { territoryId: unknown }, as(null)),
      ).rejects.toMatchObject(fieldError('territoryId'));
      await expect(
        client.request('members.organization.map', { territoryId: unknown }, as(null)),
      ).rejects.toMatchObject(fieldError('territoryId'));
    });
  });

  describe('verifications by territory', () => {
    const check = (who: Actor, territory: Territory | string, territoryAncestorIds?: string[]) =>
      client.request(
        'members.verification.check',
        {
          personId: who.personId,
          kind: 'residency',
          territoryId: typeof territory === 'string' ? territory : territory.id,
          ...(territoryAncestorIds ? { territoryAncestorIds } : {}),
        },
        as(null),
      );

    it('finds a département-level residency for a commune without the caller naming the parents', async () => {
      const who = await person('delphine');
      const granted = await client.request(
        'members.verification.grant',
        { personId: who.personId, kind: 'residency', territoryId: gard.id },
        as(admin),
      );
      const verified = { verified: true, verificationId: granted.id, expiresAt: null };
      expect(await check(who, vigan)).toEqual(verified);
      expect(await check(who, nimes)).toEqual(verified);
      expect(await check(who, gard)).toEqual(verified);
      // Not upwards, nor sideways.
      expect(await check(who, occitanie)).toEqual({ verified: false, verificationId: null, expiresAt: null });
      expect((await check(who, montpellier)).verified).toBe(false);
      // A caller that names the parents itself is taken at its word, as processes expects.
      expect(await check(who, vigan, [occitanie.id, gard.id])).toEqual(verified);
      expect((await check(who, vigan, [])).verified).toBe(false);
    });

    it('answers a 400 on territoryId for a territory processes does not know, unless the caller names its parents', async () => {
      await expect(check(alice, uuidv7())).rejects.toMatchObject(fieldError('territoryId'));
      expect(await check(alice, uuidv7(), [])).toEqual({ verified: false, verificationId: null, expiresAt: null });
    });

    it('refuses to grant, import a census or create codes for an unknown territory, storing nothing', async () => {
      const who = await person('eulalie');
      const territoryId = uuidv7();
      const tables = ['verifications', 'census_entries', 'verification_codes', 'census_salt'];
      const before = await Promise.all(tables.map(count));
      await expect(
        client.request(
          'members.verification.grant',
          { personId: who.personId, kind: 'residency', territoryId },
          as(admin),
        ),
      ).rejects.toMatchObject(fieldError('territoryId'));
      for (const dryRun of [true, false]) {
        await expect(
          client.request(
            'members.verification.importCensus',
            { kind: 'residency', territoryId, csv: 'identifier\nGA-3035\n', dryRun },
            as(admin),
          ),
        ).rejects.toMatchObject(fieldError('territoryId'));
      }
      await expect(
        client.request('members.verification.createCodes', { kind: 'residency', territoryId, count: 3 }, as(admin)),
      ).rejects.toMatchObject(fieldError('territoryId'));
      expect(await Promise.all(tables.map(count))).toEqual(before);

      // A known territory is accepted everywhere.
      await expect(
        client.request(
          'members.verification.importCensus',
          { kind: 'residency', territoryId: vigan.id, csv: 'identifier\nGA-3035\n' },
          as(admin),
        ),
      ).resolves.toMatchObject({ accepted: 1 });
      await expect(
        client.request(
          'members.verification.createCodes',
          { kind: 'residency', territoryId: vigan.id, count: 1 },
          as(admin),
        ),
      ).resolves.toMatchObject({ territoryId: vigan.id });
    });

    it('counts a verification without a territory for every territory', async () => {
      const who = await person('firmin');
      const everywhere = await client.request(
        'members.verification.grant',
        { personId: who.personId, kind: 'residency' },
        as(admin),
      );
      expect(await check(who, montpellier)).toMatchObject({ verified: true, verificationId: everywhere.id });
    });
  });

  it('answers 503 when processes does not answer, changing nothing', async () => {
    const resident = await person('gaspard');
    const before = await client.request('members.person.get', { id: resident.personId }, as(null));
    await processes.stop();
    await expect(
      client.request('members.person.update', { territoryId: vigan.id }, as(resident)),
    ).rejects.toMatchObject({ code: 'service_unavailable' });
    await expect(client.request('members.organization.list', { territoryId: gard.id }, as(null))).rejects.toMatchObject(
      { code: 'service_unavailable' },
    );
    expect(await client.request('members.person.get', { id: resident.personId }, as(null))).toEqual(before);
  });
});
