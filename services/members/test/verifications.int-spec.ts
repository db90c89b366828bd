// Verifications in the members service, against real Postgres and NATS (and processes, which owns
// the territories verifications name).
import type { Actor, EventEnvelope, Verification } from '@convergences/contracts';
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

jest.setTimeout(30_000);

describe('verifications', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let processes: ServiceProcess;
  let client: ServiceClient;
  let seq = 0;
  let admin: Actor;
  let alice: Actor;
  const as = (actor: Actor | null) => ({ actor, requestId: `verifications-${++seq}` });

  async function person(username: string, roles = ['participant']): Promise<Actor> {
    return registerPerson(client, as(null), username, { username: `${username}${++seq}`, roles });
  }
  /** A fresh territory of its own (a quartier at the root), so that no two tests meet. */
  const territory = async () =>
    (await client.request('processes.territory.create', { name: `Quartier ${++seq}`, type: 'quartier' }, as(admin))).id;
  const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const grant = (who: Actor, territoryId?: string, expiresAt?: string) =>
    client.request(
      'members.verification.grant',
      {
        personId: who.personId,
        kind: 'residency',
        ...(territoryId ? { territoryId } : {}),
        ...(expiresAt ? { expiresAt } : {}),
      },
      as(admin),
    );
  const check = (who: Actor, territoryId: string, territoryAncestorIds?: string[]) =>
    client.request(
      'members.verification.check',
      {
        personId: who.personId,
        kind: 'residency',
        territoryId,
        ...(territoryAncestorIds ? { territoryAncestorIds } : {}),
      },
      as(null),
    );
  const events = async (type: string, verificationId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<Record<string, unknown>> }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'verificationId' = ${verificationId}`.execute(service.db);
    return rows.map((r) => r.envelope);
  };
  const count = async (table: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(service.db)).rows[0].n);
  /** Moves a verification's expiry into the past, as time would. */
  const expire = (id: string) =>
    sql`update verifications set expires_at = now() - interval '1 second' where id = ${id}`.execute(service.db);

  beforeAll(async () => {
    run = await createIsolatedRun('verifications');
    [service, processes] = await Promise.all([
      startService(membersService, run.env),
      startServiceProcess('processes', run.env),
    ]);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 10_000,
      name: 'verifications-test',
    });
    await client.connect();
    admin = await person('admin', ['admin', 'participant']);
    alice = await person('alice');
  });

  afterAll(async () => {
    await client?.close();
    await Promise.all([service?.close(), processes?.stop()]);
    await run?.dispose();
  });

  describe('granting by hand', () => {
    it('lets a platform admin grant one, announced once; a second valid one is a conflict', async () => {
      const who = await person('resident');
      const place = await territory();
      const granted = await grant(who, place);
      expect(granted).toMatchObject({
        personId: who.personId,
        personName: 'resident',
        kind: 'residency',
        territoryId: place,
        method: 'manual',
        grantedBy: admin.personId,
        expiresAt: null,
        revokedAt: null,
        active: true,
      });
      expect(await events('members.verification.granted', granted.id)).toHaveLength(1);
      await expect(grant(who, place)).rejects.toMatchObject({ code: 'conflict' });
      // Another territory is another verification.
      await expect(grant(who, await territory())).resolves.toMatchObject({ active: true });
    });

    it('refuses participants, anonymous callers, unknown people, past expiries and unknown kinds', async () => {
      const who = await person('someone');
      const body = { personId: who.personId, kind: 'residency' as const };
      await expect(client.request('members.verification.grant', body, as(alice))).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(client.request('members.verification.grant', body, as(null))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(
        client.request('members.verification.grant', { ...body, personId: uuidv7() }, as(admin)),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        client.request('members.verification.grant', { ...body, expiresAt: '2020-01-01T00:00:00Z' }, as(admin)),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(
        client.request('members.verification.grant', { ...body, kind: 'nationality' as 'residency' }, as(admin)),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect(
        (await client.request('members.verification.list', { personId: who.personId }, as(admin))).meta.total,
      ).toBe(0);
    });

    it('keeps one unrevoked verification per person, kind and territory under concurrent grants', async () => {
      const who = await person('racer');
      const place = await territory();
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => grant(who, place)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(Array(7).fill('conflict'));
    });

    it('replaces an expired verification by a new one', async () => {
      const who = await person('expiring');
      const place = await territory();
      const first = await grant(who, place, inOneHour());
      await expire(first.id);
      expect(await check(who, place)).toEqual({ verified: false, verificationId: null, expiresAt: null });
      const second = await grant(who, place);
      expect(second.id).not.toBe(first.id);
      const old = await client.request('members.verification.get', { id: first.id }, as(admin));
      expect(old).toMatchObject({ active: false });
      expect(old.revokedAt).not.toBeNull();
      expect(await check(who, place)).toMatchObject({ verified: true, verificationId: second.id });
    });
  });

  describe('check', () => {
    it('answers for the territory, its given parents, or a verification for every territory; never once expired or revoked', async () => {
      const region = await territory();
      const town = await territory();
      const elsewhere = await territory();
      const who = await person('checked');
      expect(await check(who, town, [region])).toEqual({ verified: false, verificationId: null, expiresAt: null });

      const expiresAt = inOneHour();
      const verification = await grant(who, region, expiresAt);
      expect(await check(who, region)).toEqual({ verified: true, verificationId: verification.id, expiresAt });
      expect(await check(who, town, [region])).toEqual({ verified: true, verificationId: verification.id, expiresAt });
      expect((await check(who, town)).verified).toBe(false);
      expect((await check(who, elsewhere, [await territory()])).verified).toBe(false);

      await expire(verification.id);
      expect((await check(who, town, [region])).verified).toBe(false);

      const everywhere = await grant(who);
      expect(await check(who, elsewhere)).toEqual({ verified: true, verificationId: everywhere.id, expiresAt: null });
      await client.request('members.verification.revoke', { id: everywhere.id, reason: 'moved away' }, as(admin));
      expect((await check(who, elsewhere)).verified).toBe(false);
    });
  });

  describe('revoking', () => {
    it('revokes one with a reason, announced once; revoking again changes nothing', async () => {
      const who = await person('revoked');
      const verification = await grant(who, await territory());
      await expect(
        client.request('members.verification.revoke', { id: verification.id, reason: 'error' }, as(alice)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        client.request('members.verification.revoke', { id: verification.id, reason: ' ' }, as(admin)),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      const revoked = await client.request(
        'members.verification.revoke',
        { id: verification.id, reason: 'granted by mistake' },
        as(admin),
      );
      expect(revoked).toMatchObject({ active: false, revokedBy: admin.personId, revokeReason: 'granted by mistake' });
      const again = await client.request(
        'members.verification.revoke',
        { id: verification.id, reason: 'twice' },
        as(admin),
      );
      expect(again).toEqual(revoked);
      expect(await events('members.verification.revoked', verification.id)).toHaveLength(1);
      await expect(
        client.request('members.verification.revoke', { id: uuidv7(), reason: 'none' }, as(admin)),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('revokes every verification matching a condition, and only those', async () => {
      const place = await territory();
      const other = await territory();
      const [a, b, c, d] = await Promise.all([person('one'), person('two'), person('three'), person('four')]);
      const old = await grant(a, place);
      await sql`update verifications set granted_at = now() - interval '10 days' where id = ${old.id}`.execute(
        service.db,
      );
      const recent = await grant(b, place);
      const otherPlace = await grant(c, other);
      const { codes } = await client.request(
        'members.verification.createCodes',
        { kind: 'residency', territoryId: place, count: 1 },
        as(admin),
      );
      const byCode = await client.request('members.verification.redeemCode', { code: codes[0] }, as(d));

      await expect(
        client.request('members.verification.revokeMatching', { kind: 'residency', territoryId: place }, as(alice)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
      expect(
        await client.request(
          'members.verification.revokeMatching',
          { kind: 'residency', territoryId: place, grantedBefore: fiveDaysAgo, reason: 'census renewed' },
          as(admin),
        ),
      ).toEqual({ count: 1 });
      expect(
        await client.request(
          'members.verification.revokeMatching',
          { kind: 'residency', territoryId: place, method: 'code' },
          as(admin),
        ),
      ).toEqual({ count: 1 });
      const state = async (v: Verification) =>
        (await client.request('members.verification.get', { id: v.id }, as(admin))).active;
      expect([await state(old), await state(recent), await state(otherPlace), await state(byCode)]).toEqual([
        false,
        true,
        true,
        false,
      ]);
      expect(await events('members.verification.revoked', old.id)).toHaveLength(1);
      expect((await events('members.verification.revoked', old.id))[0].data).toMatchObject({
        reason: 'census renewed',
      });
      // Nothing left to match: nothing more is revoked.
      expect(
        await client.request(
          'members.verification.revokeMatching',
          { kind: 'residency', territoryId: place, method: 'code' },
          as(admin),
        ),
      ).toEqual({ count: 0 });
    });
  });

  describe('census', () => {
    const importCensus = (csv: string, extra: Record<string, unknown> = {}, actor: Actor = admin) =>
      client.request('members.verification.importCensus', { kind: 'residency', csv, ...extra }, as(actor));
    const byCensus = (who: Actor, identifier: string, extra: Record<string, unknown> = {}) =>
      client.request('members.verification.verifyByCensus', { kind: 'residency', identifier, ...extra }, as(who));

    it('reports broken rows, stores only hashes, and a dry run stores nothing', async () => {
      const place = await territory();
      const csv = [
        'identifier;birth_date',
        'AB-1234;1980-05-17',
        ';1990-01-01',
        'CD5678;1990-02-30',
        'ab 1234;1980-05-17',
        'EF9;',
      ].join('\n');
      const before = await count('census_entries');
      const preview = await importCensus(csv, { territoryId: place, dryRun: true });
      expect(preview).toEqual({
        dryRun: true,
        rows: 5,
        accepted: 2,
        rejected: [
          { line: 3, reason: 'empty_identifier', message: expect.any(String) },
          { line: 4, reason: 'bad_date', message: expect.any(String) },
          { line: 5, reason: 'duplicate', message: expect.stringContaining('line 2') },
        ],
      });
      expect(await count('census_entries')).toBe(before);

      const imported = await importCensus(csv, { territoryId: place });
      expect(imported).toEqual({ ...preview, dryRun: false });
      expect(await count('census_entries')).toBe(before + 2);
      const { rows } = await sql<{ identifier_hash: string; birth_date_hash: string | null }>`
        select identifier_hash, birth_date_hash from census_entries where territory_id = ${place}`.execute(service.db);
      for (const row of rows) {
        expect(row.identifier_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.stringify(row)).not.toMatch(/AB1234|AB-1234|1980/);
      }

      // Importing the same rows again: they are already waiting.
      const again = await importCensus(csv, { territoryId: place });
      expect(again.accepted).toBe(0);
      expect(again.rejected.filter((r) => r.reason === 'duplicate').map((r) => r.line)).toEqual([2, 5, 6]);
      expect(await count('census_entries')).toBe(before + 2);
    });

    it('refuses text that is not CSV, or has no header, changing nothing', async () => {
      const before = await count('census_entries');
      await expect(importCensus('identifier\n"AB1234\nCD5678\n')).rejects.toMatchObject({ code: 'bad_request' });
      await expect(importCensus('AB1234\nCD5678\n')).rejects.toMatchObject({ code: 'bad_request' });
      await expect(importCensus('identifier\nAB1', {}, alice)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await count('census_entries')).toBe(before);
    });

    it('verifies a person whose identifier and birth date match an unused entry, once', async () => {
      const place = await territory();
      const expiresAt = inOneHour();
      await importCensus('document_number,birth_date\nZX-900,17/05/1980\nZX901,\n', { territoryId: place, expiresAt });
      const who = await person('censused');
      const other = await person('impostor');

      await expect(byCensus(who, 'ZX900', { territoryId: place })).rejects.toMatchObject({
        code: 'verification_refused',
      });
      await expect(byCensus(who, 'ZX900', { territoryId: place, birthDate: '1980-05-18' })).rejects.toMatchObject({
        code: 'verification_refused',
      });
      await expect(
        byCensus(who, 'ZX900', { territoryId: await territory(), birthDate: '1980-05-17' }),
      ).rejects.toMatchObject({
        code: 'verification_refused',
      });
      await expect(byCensus(who, 'ZX900', { territoryId: place, birthDate: '1980-02-30' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
      const verified = await byCensus(who, ' zx 900 ', { territoryId: place, birthDate: '1980-05-17' });
      expect(verified).toMatchObject({
        personId: who.personId,
        method: 'census',
        territoryId: place,
        expiresAt,
        grantedBy: null,
      });
      expect(await check(who, place)).toMatchObject({ verified: true, verificationId: verified.id });
      expect(await events('members.verification.granted', verified.id)).toHaveLength(1);

      // The entry is used up.
      await expect(byCensus(other, 'ZX900', { territoryId: place, birthDate: '1980-05-17' })).rejects.toMatchObject({
        code: 'verification_refused',
      });
      // An entry without birth date needs none.
      await expect(byCensus(other, 'zx901', { territoryId: place })).resolves.toMatchObject({ method: 'census' });
      await expect(byCensus(null as unknown as Actor, 'zx901', { territoryId: place })).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });

    it('keeps an entry unused when the person is already verified', async () => {
      const place = await territory();
      const who = await person('twice');
      await grant(who, place);
      await importCensus('identifier\nQQ123\n', { territoryId: place });
      await expect(byCensus(who, 'QQ123', { territoryId: place })).rejects.toMatchObject({ code: 'conflict' });
      const later = await person('later');
      await expect(byCensus(later, 'QQ123', { territoryId: place })).resolves.toMatchObject({ method: 'census' });
    });

    it('lets one entry verify one person only, even when many try at once', async () => {
      const place = await territory();
      await importCensus('identifier\nRACE-42\n', { territoryId: place });
      const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`racer${i}`)));
      const results = await Promise.allSettled(people.map((who) => byCensus(who, 'RACE42', { territoryId: place })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(Array(7).fill('verification_refused'));
      const { rows } = await sql<{ n: string }>`select count(*) as n from verifications
        where territory_id = ${place} and method = 'census'`.execute(service.db);
      expect(Number(rows[0].n)).toBe(1);
    });
  });

  describe('one-time codes', () => {
    it('creates codes shown once and stored hashed; each grants its verification once', async () => {
      const place = await territory();
      const expiresAt = inOneHour();
      await expect(
        client.request('members.verification.createCodes', { kind: 'residency', count: 2 }, as(alice)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(
        client.request('members.verification.createCodes', { kind: 'residency', count: 0 }, as(admin)),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      const created = await client.request(
        'members.verification.createCodes',
        { kind: 'residency', territoryId: place, expiresAt, count: 3 },
        as(admin),
      );
      expect(created).toMatchObject({ kind: 'residency', territoryId: place, expiresAt });
      expect(new Set(created.codes).size).toBe(3);
      const { rows } = await sql<{ code_hash: string }>`select code_hash from verification_codes
        where territory_id = ${place}`.execute(service.db);
      expect(rows).toHaveLength(3);
      for (const code of created.codes) expect(rows.map((r) => r.code_hash)).not.toContain(code);

      const who = await person('coded');
      const redeemed = await client.request(
        'members.verification.redeemCode',
        { code: created.codes[0].toLowerCase() },
        as(who),
      );
      expect(redeemed).toMatchObject({
        personId: who.personId,
        method: 'code',
        territoryId: place,
        expiresAt,
        grantedBy: admin.personId,
      });
      const other = await person('late');
      await expect(
        client.request('members.verification.redeemCode', { code: created.codes[0] }, as(other)),
      ).rejects.toMatchObject({ code: 'verification_refused' });
      await expect(
        client.request('members.verification.redeemCode', { code: 'NOT-A-CODE' }, as(other)),
      ).rejects.toMatchObject({ code: 'verification_refused' });
      // Already verified: the second code stays unused for someone else.
      await expect(
        client.request('members.verification.redeemCode', { code: created.codes[1] }, as(who)),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(
        client.request('members.verification.redeemCode', { code: created.codes[1] }, as(other)),
      ).resolves.toMatchObject({ method: 'code' });
    });

    it('refuses an expired code', async () => {
      const created = await client.request(
        'members.verification.createCodes',
        { kind: 'residency', territoryId: await territory(), expiresAt: inOneHour(), count: 1 },
        as(admin),
      );
      await sql`update verification_codes set expires_at = now() - interval '1 second'
        where code_hash = encode(sha256(convert_to(${created.codes[0].replace(/-/g, '')}, 'UTF8')), 'hex')`.execute(
        service.db,
      );
      await expect(
        client.request('members.verification.redeemCode', { code: created.codes[0] }, as(await person('tardy'))),
      ).rejects.toMatchObject({ code: 'verification_refused' });
    });

    it('lets one code verify one person only, even when many redeem it at once', async () => {
      const place = await territory();
      const { codes } = await client.request(
        'members.verification.createCodes',
        { kind: 'residency', territoryId: place, count: 1 },
        as(admin),
      );
      const people = await Promise.all(Array.from({ length: 8 }, (_, i) => person(`redeemer${i}`)));
      const results = await Promise.allSettled(
        people.map((who) => client.request('members.verification.redeemCode', { code: codes[0] }, as(who))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
      ).toEqual(Array(7).fill('verification_refused'));
    });
  });

  describe('lists', () => {
    it('lists for platform admins with filters, and each person their own', async () => {
      const place = await territory();
      const [one, two] = await Promise.all([person('listed'), person('listed')]);
      const first = await grant(one, place);
      const second = await grant(two, place, inOneHour());
      await client.request('members.verification.revoke', { id: second.id, reason: 'left' }, as(admin));

      const byTerritory = await client.request('members.verification.list', { territoryId: place }, as(admin));
      expect(byTerritory.data.map((v) => v.id)).toEqual([second.id, first.id]);
      expect(byTerritory.meta).toEqual({ total: 2, page: 1, perPage: 25 });
      const active = await client.request(
        'members.verification.list',
        { territoryId: place, active: 'true' },
        as(admin),
      );
      expect(active.data.map((v) => v.id)).toEqual([first.id]);
      const inactive = await client.request(
        'members.verification.list',
        { territoryId: place, active: 'false' },
        as(admin),
      );
      expect(inactive.data.map((v) => v.id)).toEqual([second.id]);
      const manual = await client.request(
        'members.verification.list',
        { territoryId: place, method: 'census' },
        as(admin),
      );
      expect(manual.meta.total).toBe(0);
      await expect(client.request('members.verification.list', {}, as(alice))).rejects.toMatchObject({
        code: 'forbidden',
      });

      const mine = await client.request('members.verification.listMine', {}, as(one));
      expect(mine.data.map((v) => v.id)).toEqual([first.id]);
      await expect(client.request('members.verification.get', { id: first.id }, as(one))).resolves.toMatchObject({
        id: first.id,
      });
      await expect(client.request('members.verification.get', { id: first.id }, as(two))).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
