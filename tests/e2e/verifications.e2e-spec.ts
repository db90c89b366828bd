import type { CensusReport, CreatedCodes, MePerson, Page, Territory, Verification } from '@convergences/contracts';
import { randomUUID } from 'node:crypto';
import { api } from '../support/api';

async function me(username: string): Promise<MePerson> {
  return (await api<MePerson>('GET', '/api/v1/me', { as: username })).body;
}

/**
 * A fresh territory for each test (a quartier of Boulogne-sur-Mer, which nothing else in the demo
 * uses), so that nothing here meets another file's verifications.
 */
async function territory(): Promise<string> {
  const towns = await api<Page<Territory>>('GET', '/api/v1/territories?type=commune&code=62160');
  const created = await api<Territory>('POST', '/api/v1/territories', {
    as: 'admin',
    body: { name: `Quartier e2e ${randomUUID().slice(0, 8)}`, type: 'quartier', parentId: towns.body.data[0].id },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function verificationsIn(territoryId: string): Promise<Page<Verification>> {
  return (await api<Page<Verification>>('GET', `/api/v1/verifications?territoryId=${territoryId}`, { as: 'admin' }))
    .body;
}

describe('verifications through the gateway', () => {
  it('lets a platform admin grant and revoke by hand; others are refused', async () => {
    const alice = await me('alice');
    const place = await territory();
    const body = { personId: alice.id, kind: 'residency', territoryId: place };
    expect((await api('POST', '/api/v1/verifications', { body })).status).toBe(401);
    expect((await api('POST', '/api/v1/verifications', { as: 'bob', body })).status).toBe(403);
    expect((await api('GET', '/api/v1/verifications', { as: 'bob' })).status).toBe(403);
    expect((await api('POST', '/api/v1/verifications', { as: 'admin', body: { ...body, kind: 'age' } })).status).toBe(
      400,
    );

    const granted = await api<Verification>('POST', '/api/v1/verifications', { as: 'admin', body });
    expect(granted.status).toBe(201);
    expect(granted.headers.get('location')).toBe(`/api/v1/verifications/${granted.body.id}`);
    expect(granted.body).toMatchObject({ personId: alice.id, method: 'manual', territoryId: place, active: true });
    expect((await api('POST', '/api/v1/verifications', { as: 'admin', body })).status).toBe(409);

    const mine = await api<Page<Verification>>('GET', '/api/v1/me/verifications?active=true', { as: 'alice' });
    expect(mine.body).toMatchObject({ data: expect.any(Array) });
    expect(mine.body.data.map((v) => v.id)).toContain(granted.body.id);
    expect((await api('GET', `/api/v1/verifications/${granted.body.id}`, { as: 'bob' })).status).toBe(404);

    expect(
      (await api('DELETE', `/api/v1/verifications/${granted.body.id}`, { as: 'bob', body: { reason: 'no' } })).status,
    ).toBe(403);
    expect((await api('DELETE', `/api/v1/verifications/${granted.body.id}`, { as: 'admin' })).status).toBe(400);
    const revoked = await api<Verification>('DELETE', `/api/v1/verifications/${granted.body.id}`, {
      as: 'admin',
      body: { reason: 'granted by mistake' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false, revokeReason: 'granted by mistake' });
  });

  it('imports a census with a report, refuses broken CSV, and a dry run stores nothing', async () => {
    const place = await territory();
    const csv = ['identifier;birth_date', 'E2E-0001;1980-05-17', ';1990-01-01', 'E2E0002;1990-02-30', 'e2e 0001;'].join(
      '\n',
    );
    const census = (body: Record<string, unknown>, as = 'admin') =>
      api<CensusReport>('POST', '/api/v1/verifications/census', {
        as,
        body: { kind: 'residency', territoryId: place, ...body },
      });

    expect((await census({ csv, dryRun: true }, 'bob')).status).toBe(403);
    const broken = await census({ csv: 'identifier\n"E2E0003\nE2E0004\n' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'bad_request' });
    expect((await census({ csv: 'E2E0003\nE2E0004\n' })).status).toBe(400);

    const preview = await census({ csv, dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      dryRun: true,
      rows: 4,
      accepted: 1,
      rejected: [
        { line: 3, reason: 'empty_identifier', message: expect.any(String) },
        { line: 4, reason: 'bad_date', message: expect.any(String) },
        { line: 5, reason: 'duplicate', message: expect.any(String) },
      ],
    });
    // Nothing was stored: bob cannot verify with it.
    const attempt = () =>
      api<Verification>('POST', '/api/v1/me/verifications/census', {
        as: 'bob',
        body: { kind: 'residency', territoryId: place, identifier: 'e2e-0001', birthDate: '17/05/1980' },
      });
    const refused = await attempt();
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'verification_refused' });

    const imported = await census({ csv });
    expect(imported.body).toEqual({ ...preview.body, dryRun: false });
    const verified = await attempt();
    expect(verified.status).toBe(201);
    expect(verified.body).toMatchObject({ method: 'census', territoryId: place, active: true });
    // The entry is used: once only.
    expect((await attempt()).status).toBe(422);
    const alice = await api('POST', '/api/v1/me/verifications/census', {
      as: 'alice',
      body: { kind: 'residency', territoryId: place, identifier: 'E2E0001', birthDate: '1980-05-17' },
    });
    expect(alice.status).toBe(422);
    expect((await verificationsIn(place)).data.map((v) => v.method)).toEqual(['census']);

    const count = await api<{ count: number }>('POST', '/api/v1/verifications/revoke', {
      as: 'admin',
      body: { kind: 'residency', territoryId: place, method: 'census', reason: 'end of the test' },
    });
    expect(count.body).toEqual({ count: 1 });
  });

  it('creates one-time codes that work once, and checks nothing for others', async () => {
    const place = await territory();
    expect(
      (await api('POST', '/api/v1/verifications/codes', { as: 'bob', body: { kind: 'residency', count: 1 } })).status,
    ).toBe(403);
    const created = await api<CreatedCodes>('POST', '/api/v1/verifications/codes', {
      as: 'admin',
      body: { kind: 'residency', territoryId: place, count: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body.codes).toHaveLength(2);

    const redeem = (as: string, code: string) =>
      api<Verification>('POST', '/api/v1/me/verifications/code', { as, body: { code } });
    const first = await redeem('alice', created.body.codes[0]);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ method: 'code', territoryId: place });
    expect((await redeem('bob', created.body.codes[0])).status).toBe(422);
    expect((await redeem('bob', 'WRONG-CODE-00000')).status).toBe(422);
    expect((await redeem('bob', created.body.codes[1])).status).toBe(201);

    const revoked = await api<{ count: number }>('POST', '/api/v1/verifications/revoke', {
      as: 'admin',
      body: { kind: 'residency', territoryId: place },
    });
    expect(revoked.body).toEqual({ count: 2 });
    expect((await verificationsIn(place)).data.every((v) => !v.active)).toBe(true);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const document = await api<{ paths: Record<string, unknown> }>('GET', '/api/docs/openapi.json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/verifications',
        '/api/v1/verifications/census',
        '/api/v1/verifications/codes',
        '/api/v1/verifications/revoke',
        '/api/v1/verifications/{id}',
        '/api/v1/me/verifications',
        '/api/v1/me/verifications/census',
        '/api/v1/me/verifications/code',
      ]),
    );
  });
});
