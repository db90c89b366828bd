import type { AdminPerson, MePerson, Page, PublicPerson } from '@convergences/contracts';
import { eventually } from '@convergences/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { api } from '../support/api';
import { freePort } from '../support/free-port';
import { tokenFor } from '../support/identity';
import { platformState, repoRoot } from '../support/platform-state';

const demoSlug = 'innover-ensemble-pour-nos-territoires';
type Problem = { status: number; code: string; errors?: { path: string }[] };

const me = async (as: string) => {
  const response = await api<MePerson>('GET', '/api/v1/me', { as });
  expect(response.status).toBe(200);
  return response.body;
};

describe('people through the gateway', () => {
  let alice: MePerson;
  let bob: MePerson;

  beforeAll(async () => {
    alice = await me('alice');
    bob = await me('bob');
  });

  afterAll(async () => {
    // Other e2e files share this platform: leave alice and bob as they were.
    await api('POST', `/api/v1/people/${bob.id}/unblock`, { as: 'admin' });
    const restored = await api<MePerson>('PATCH', '/api/v1/me', {
      as: 'alice',
      body: {
        displayName: alice.displayName,
        nickname: alice.nickname,
        locale: alice.locale,
        bio: alice.bio,
        profileVisibility: alice.profileVisibility,
      },
    });
    expect(restored.status).toBe(200);
  });

  describe('GET and PATCH /me', () => {
    it('answers the profile with a nickname from the user name, and no block', () => {
      expect(alice).toMatchObject({
        username: 'alice',
        nickname: 'alice',
        email: 'alice@convergences.test',
        profileVisibility: 'public',
        blocked: false,
      });
      expect(bob.nickname).toBe('bob');
    });

    it('edits the fields given and nothing else', async () => {
      const body = {
        displayName: '  Alice des Tiers-Lieux ',
        nickname: 'alice_tiers_lieux',
        locale: 'en',
        bio: 'Bénévole dans un tiers-lieu rural.',
        profileVisibility: 'public',
      };
      const updated = await api<MePerson>('PATCH', '/api/v1/me', { as: 'alice', body });
      expect(updated.status).toBe(200);
      expect(updated.body).toEqual({ ...alice, ...body, displayName: 'Alice des Tiers-Lieux' });
      expect(await me('alice')).toEqual(updated.body);

      const partial = await api<MePerson>('PATCH', '/api/v1/me', { as: 'alice', body: { bio: null } });
      expect(partial.body).toEqual({ ...updated.body, bio: null });
    });

    it.each<[string, Record<string, unknown> | string, number, string, string | null]>([
      ['a nickname taken by bob', { nickname: 'bob', bio: 'changed' }, 409, 'conflict', 'nickname'],
      ['a nickname with capitals and a space', { nickname: 'A B' }, 400, 'validation_failed', 'nickname'],
      ['a bio over 1000 characters', { bio: 'x'.repeat(1001) }, 400, 'validation_failed', 'bio'],
      ['an empty display name', { displayName: '   ' }, 400, 'validation_failed', 'displayName'],
      ['an unknown field', { email: 'alice@elsewhere.test' }, 400, 'validation_failed', null],
      ['a 5 MB bio', JSON.stringify({ bio: 'x'.repeat(5 * 1024 * 1024) }), 413, 'payload_too_large', null],
    ])('refuses %s, changing nothing', async (_what, body, status, code, field) => {
      const before = await me('alice');
      const response = await api<Problem>('PATCH', '/api/v1/me', {
        as: 'alice',
        ...(typeof body === 'string' ? { rawBody: body } : { body }),
      });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(response.body).toMatchObject({ status, code });
      if (field) expect(response.body.errors).toEqual([expect.objectContaining({ path: field })]);
      expect(await me('alice')).toEqual(before);
    });

    it('asks anonymous callers to sign in', async () => {
      expect((await api('PATCH', '/api/v1/me', { body: { bio: 'Bonjour' } })).status).toBe(401);
    });
  });

  it('documents the people endpoints in the OpenAPI document', async () => {
    const document = await api<{ paths: Record<string, Record<string, unknown>>; components: { schemas: object } }>(
      'GET',
      '/api/docs/openapi.json',
    );
    expect(Object.keys(document.body.paths['/api/v1/me'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/people',
        '/api/v1/people/{nicknameOrId}',
        '/api/v1/people/{id}/block',
        '/api/v1/people/{id}/unblock',
      ]),
    );
    expect(Object.keys(document.body.components.schemas)).toEqual(
      expect.arrayContaining(['MePerson', 'PublicPerson', 'AdminPerson']),
    );
  });

  describe('public profiles', () => {
    it('shows a public profile to anybody, without email or ids, whatever the case of the nickname', async () => {
      const response = await api<PublicPerson>('GET', `/api/v1/people/${bob.nickname.toUpperCase()}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        nickname: 'bob',
        displayName: bob.displayName,
        bio: bob.bio,
        locale: bob.locale,
        territoryId: bob.territoryId,
        private: false,
        // Other e2e files may have made bob a member of organisations meanwhile.
        organizations: expect.any(Array),
        proposalsCount: expect.any(Number),
      });
      for (const organization of response.body.private ? [] : response.body.organizations) {
        expect(Object.keys(organization).sort()).toEqual(['id', 'name', 'slug']);
      }
      expect(JSON.stringify(response.body)).not.toContain('@');
    });

    it('lists the verified organisations a person belongs to', async () => {
      // The demo makes alice a member of an AMAP.
      const { body: current } = await api<MePerson>('GET', '/api/v1/me', { as: 'alice' });
      const response = await api<PublicPerson>('GET', `/api/v1/people/${current.nickname}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        private: false,
        organizations: expect.arrayContaining([
          expect.objectContaining({ name: 'AMAP de la Croix-Rousse', slug: 'amap-de-la-croix-rousse' }),
        ]),
      });
    });

    it('shows only the names of a private profile', async () => {
      const { body: current } = await api<MePerson>('PATCH', '/api/v1/me', {
        as: 'alice',
        body: { profileVisibility: 'private' },
      });
      for (const as of [undefined, 'bob', 'admin']) {
        const response = await api<PublicPerson>('GET', `/api/v1/people/${current.nickname}`, { as });
        expect(response.body).toEqual({ nickname: current.nickname, displayName: current.displayName, private: true });
      }
      await api('PATCH', '/api/v1/me', { as: 'alice', body: { profileVisibility: 'public' } });
    });

    it('answers 404 for an unknown nickname', async () => {
      const response = await api<Problem>('GET', '/api/v1/people/personne-de-connu');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    });
  });

  describe('the list, for platform administrators', () => {
    it('searches people and filters them by block state', async () => {
      const found = await api<Page<AdminPerson>>('GET', '/api/v1/people?q=bob%40convergences&blocked=false', {
        as: 'admin',
      });
      expect(found.status).toBe(200);
      expect(found.body.data.map((p) => p.id)).toEqual([bob.id]);
      expect(found.body.meta).toEqual({ total: 1, page: 1, perPage: 25 });
      const all = await api<Page<AdminPerson>>('GET', '/api/v1/people?perPage=100&sort=nickname', { as: 'admin' });
      expect(all.body.data.map((p) => p.id)).toEqual(expect.arrayContaining([alice.id, bob.id]));
      expect((await api('GET', '/api/v1/people?perPage=101', { as: 'admin' })).status).toBe(400);
    });

    it('refuses participants (403) and anonymous callers (401)', async () => {
      expect((await api<Problem>('GET', '/api/v1/people', { as: 'alice' })).body).toMatchObject({
        status: 403,
        code: 'forbidden',
      });
      expect((await api('GET', '/api/v1/people')).status).toBe(401);
      expect((await api('GET', `/api/v1/people/${bob.id}`, { as: 'alice' })).status).toBe(403);
    });
  });

  describe('blocking', () => {
    const reason = 'Messages insultants répétés dans les débats.';
    const tooShortProposal = { title: 'Vél', body: 'Texte' };
    const proposal = { title: 'Une proposition écrite pendant le blocage', body: 'Elle ne doit jamais exister.' };
    let replica: ChildProcess | undefined;
    let replicaUrl: string;

    beforeAll(async () => {
      // A second gateway replica: it learns of the block from the event alone.
      const port = await freePort();
      replicaUrl = `http://127.0.0.1:${port}`;
      replica = spawn(process.execPath, [path.join(repoRoot, 'gateway/dist/main.js')], {
        env: { ...process.env, ...platformState().env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      });
      await eventually(async () => expect((await fetch(`${replicaUrl}/health`)).status).toBe(200), 20_000, 100);
    });

    afterAll(async () => {
      if (replica?.exitCode === null) {
        const exited = once(replica, 'exit');
        replica.kill('SIGTERM');
        await exited;
      }
    });

    const proposeOnReplica = async (body: unknown) =>
      fetch(`${replicaUrl}/api/v1/processes/${demoSlug}/proposals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor('bob')}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('refuses every write of a blocked person from their very next request, while reads work; unblocking restores', async () => {
      // bob is known (and cached) by both gateways: a write of his reaches the service (400, nothing created).
      expect(
        (await api('POST', `/api/v1/processes/${demoSlug}/proposals`, { as: 'bob', body: tooShortProposal })).status,
      ).toBe(400);
      expect((await proposeOnReplica(tooShortProposal)).status).toBe(400);
      const proposalsBefore = (await api<Page<unknown>>('GET', `/api/v1/processes/${demoSlug}/proposals`)).body.meta
        .total;

      const blocked = await api<AdminPerson>('POST', `/api/v1/people/${bob.id}/block`, {
        as: 'admin',
        body: { reason },
      });
      expect(blocked.status).toBe(200);
      expect(blocked.body).toMatchObject({ id: bob.id, blocked: true, blockReason: reason });

      const refused = await api<Problem>('POST', `/api/v1/processes/${demoSlug}/proposals`, {
        as: 'bob',
        body: proposal,
      });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
      expect(refused.body).toMatchObject({ status: 403, code: 'blocked_person' });
      expect((await api<Problem>('PATCH', '/api/v1/me', { as: 'bob', body: { bio: 'x' } })).body.code).toBe(
        'blocked_person',
      );
      // The other replica hears the event and refuses too.
      await eventually(async () => expect((await proposeOnReplica(proposal)).status).toBe(403), 3000, 50);

      // Reads still work.
      expect((await me('bob')).blocked).toBe(true);
      expect((await api('GET', `/api/v1/processes/${demoSlug}`, { as: 'bob' })).status).toBe(200);
      expect((await api('GET', '/api/v1/people/bob', { as: 'bob' })).status).toBe(200);
      expect((await api<Page<unknown>>('GET', `/api/v1/processes/${demoSlug}/proposals`)).body.meta.total).toBe(
        proposalsBefore,
      );

      // Blocking again changes nothing.
      const again = await api<AdminPerson>('POST', `/api/v1/people/${bob.id}/block`, {
        as: 'admin',
        body: { reason: 'Une autre justification assez longue.' },
      });
      expect({ ...again.body, lastSeenAt: null }).toEqual({ ...blocked.body, lastSeenAt: null });

      const unblocked = await api<AdminPerson>('POST', `/api/v1/people/${bob.id}/unblock`, { as: 'admin' });
      expect(unblocked.status).toBe(200);
      expect(unblocked.body).toMatchObject({ blocked: false, blockReason: null });
      expect(
        (await api('POST', `/api/v1/processes/${demoSlug}/proposals`, { as: 'bob', body: tooShortProposal })).status,
      ).toBe(400);
      await eventually(async () => expect((await proposeOnReplica(tooShortProposal)).status).toBe(400), 3000, 50);
      expect((await me('bob')).blocked).toBe(false);
    });

    it('is for platform administrators, with a justification of 10 characters or more, on a known person', async () => {
      expect((await api('POST', `/api/v1/people/${bob.id}/block`, { as: 'alice', body: { reason } })).status).toBe(403);
      expect((await api('POST', `/api/v1/people/${bob.id}/unblock`, { as: 'alice' })).status).toBe(403);
      expect((await api('POST', `/api/v1/people/${bob.id}/block`, { body: { reason } })).status).toBe(401);
      const short = await api<Problem>('POST', `/api/v1/people/${bob.id}/block`, {
        as: 'admin',
        body: { reason: 'Pas bien' },
      });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
      expect((await api('POST', `/api/v1/people/${bob.id}/block`, { as: 'admin', body: {} })).status).toBe(400);
      const unknown = await api<Problem>('POST', '/api/v1/people/01900000-0000-7000-8000-00000000dead/block', {
        as: 'admin',
        body: { reason },
      });
      expect(unknown.status).toBe(404);
      expect((await me('bob')).blocked).toBe(false);
    });
  });
});
