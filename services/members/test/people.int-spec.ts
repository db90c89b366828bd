// People's profiles, nicknames, blocking and public counts, against real Postgres and NATS.
import {
  eventSubject,
  type Actor,
  type EnsurePersonRequest,
  type EventEnvelope,
  type MePerson,
} from '@convergences/contracts';
import { createDatabase, migrateSchema } from '@convergences/database';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, eventually, type IsolatedRun } from '@convergences/testing';
import { sql } from 'kysely';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { membersMigrations } from '../src/db/migrations';
import { membersService } from '../src/members.service';

jest.setTimeout(30_000);

describe('people in the members service', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let client: ServiceClient;
  let nats: NatsConnection;
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `people-${++seq}` });

  const seen = (overrides: Partial<EnsurePersonRequest> = {}): EnsurePersonRequest => ({
    subject: `sub-${randomUUID()}`,
    username: 'alice',
    email: 'alice@example.org',
    displayName: 'Alice Vernadet',
    roles: ['participant'],
    locale: 'fr',
    ...overrides,
  });
  const actorOf = (person: MePerson): Actor => ({
    personId: person.id,
    subject: person.subject,
    username: person.username,
    displayName: person.displayName,
    roles: person.roles,
    locale: person.locale,
  });
  const register = async (overrides: Partial<EnsurePersonRequest> = {}) =>
    client.request('members.person.ensure', seen(overrides), as(null));

  const eventsOf = async (type: string, personId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<Record<string, unknown>> }>`select envelope from outbox
      where type = ${type} and envelope->'data'->>'personId' = ${personId} order by id`.execute(service.db);
    return rows.map((r) => r.envelope);
  };
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(service.db)).rows[0].n;

  let admin: Actor;

  beforeAll(async () => {
    run = await createIsolatedRun('people');
    service = await startService(membersService, run.env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'people-test',
    });
    await client.connect();
    nats = await connect({ servers: run.natsUrl });
    admin = actorOf(await register({ username: 'admin', displayName: 'Admin', roles: ['admin', 'participant'] }));
  });

  afterAll(async () => {
    await nats?.close();
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  describe('registration', () => {
    it('gives a newcomer a nickname from their user name, public profile, not blocked', async () => {
      const person = await register({ username: 'Élise.Durand@example.org', displayName: 'Élise' });
      expect(person).toMatchObject({
        nickname: 'elise-durand',
        displayName: 'Élise',
        bio: null,
        profileVisibility: 'public',
        blocked: false,
      });
    });

    it('numbers the nickname when it is taken, and never fails registration', async () => {
      const first = await register({ username: 'gaston' });
      const second = await register({ username: 'Gaston' });
      const third = await register({ username: 'gaston' });
      expect([first.nickname, second.nickname, third.nickname]).toEqual(['gaston', 'gaston-2', 'gaston-3']);
      const odd = await register({ username: '!!' });
      expect(odd.nickname).toMatch(/^member(-\d+)?$/);
    });

    it('registers one person, one nickname and one event when 20 first sights arrive together', async () => {
      const first = seen({ username: 'hortense' });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => client.request('members.person.ensure', first, as(null))),
      );
      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      expect(new Set(answers.map((a) => a.nickname))).toEqual(new Set(['hortense']));
      expect(
        await count(sql<{ n: number }>`select count(*)::int as n from people where subject = ${first.subject}`),
      ).toBe(1);
      expect(await eventsOf('members.person.registered', answers[0].id)).toHaveLength(1);
    });

    it('gives distinct nicknames to 10 different people with the same user name registering together', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, () => register({ username: 'isidore' })));
      const nicknames = answers.map((a) => a.nickname).sort();
      expect(new Set(nicknames).size).toBe(10);
      expect(nicknames).toContain('isidore');
      for (const nickname of nicknames) expect(nickname).toMatch(/^isidore(-\d+)?$/);
    });

    it('keeps the chosen display name and nickname on later sights, mirroring username, email and roles', async () => {
      const first = seen({ username: 'jules' });
      const registered = await client.request('members.person.ensure', first, as(null));
      await client.request(
        'members.person.update',
        { displayName: 'Jules le jardinier', nickname: 'jules_jardin' },
        as(actorOf(registered)),
      );
      const later = await client.request(
        'members.person.ensure',
        {
          ...first,
          username: 'jules.v',
          email: 'jv@example.org',
          displayName: 'Jules V',
          roles: ['participant', 'admin'],
        },
        as(null),
      );
      expect(later).toMatchObject({
        nickname: 'jules_jardin',
        displayName: 'Jules le jardinier',
        username: 'jules.v',
        email: 'jv@example.org',
        roles: ['participant', 'admin'],
      });
    });
  });

  describe('profile updates', () => {
    it('changes what is given, announces it once, and changes nothing for a repeat', async () => {
      const person = await register({ username: 'lucie' });
      const changes = {
        displayName: '  Lucie des Jardins  ',
        nickname: 'lucie_jardins',
        locale: 'en' as const,
        bio: 'Jardinière à Figeac.',
        profileVisibility: 'private' as const,
      };
      const updated = await client.request('members.person.update', changes, as(actorOf(person)));
      expect(updated).toMatchObject({ ...changes, displayName: 'Lucie des Jardins', id: person.id });
      expect(await eventsOf('members.person.updated', person.id)).toEqual([
        expect.objectContaining({
          actor: { personId: person.id },
          data: {
            personId: person.id,
            nickname: 'lucie_jardins',
            displayName: 'Lucie des Jardins',
            locale: 'en',
            profileVisibility: 'private',
            changed: ['displayName', 'nickname', 'locale', 'bio', 'profileVisibility'],
          },
        }),
      ]);
      const again = await client.request('members.person.update', changes, as(actorOf(person)));
      expect(again).toEqual(updated);
      expect(await eventsOf('members.person.updated', person.id)).toHaveLength(1);

      const cleared = await client.request('members.person.update', { bio: '' }, as(actorOf(person)));
      expect(cleared.bio).toBeNull();
    });

    it('refuses a nickname taken by someone else, whatever its case, changing nothing', async () => {
      const marc = await register({ username: 'marc' });
      const nina = await register({ username: 'nina' });
      await expect(
        client.request('members.person.update', { nickname: 'marc', displayName: 'Nina N' }, as(actorOf(nina))),
      ).rejects.toMatchObject({ code: 'conflict', details: { field: 'nickname' }, errors: [{ path: 'nickname' }] });
      await expect(client.request('members.person.get', { id: nina.id }, as(null))).resolves.toEqual(nina);
      expect(await eventsOf('members.person.updated', nina.id)).toEqual([]);
      // Nicknames are lowercase: "MARC" is not one, and the profile lookup ignores case.
      await expect(
        client.request('members.person.update', { nickname: 'MARC' }, as(actorOf(nina))),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'nickname' })] });
      await expect(client.request('members.person.profile', { nickname: 'MaRc' }, as(null))).resolves.toMatchObject({
        nickname: marc.nickname,
      });
    });

    it('gives a contested free nickname to exactly one of 8 people asking together', async () => {
      const people = await Promise.all(Array.from({ length: 8 }, () => register({ username: 'olga' })));
      const results = await Promise.allSettled(
        people.map((p) => client.request('members.person.update', { nickname: 'olga_la_seule' }, as(actorOf(p)))),
      );
      const outcomes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
      expect(outcomes.sort()).toEqual([
        'conflict',
        'conflict',
        'conflict',
        'conflict',
        'conflict',
        'conflict',
        'conflict',
        'ok',
      ]);
    });

    it('refuses bad input with the invalid fields, writing nothing', async () => {
      const person = await register({ username: 'paul' });
      const bad: Record<string, unknown>[] = [
        { nickname: 'A B' },
        { nickname: 'ab' },
        { nickname: 'x'.repeat(31) },
        { displayName: '   ' },
        { displayName: 'x'.repeat(101) },
        { bio: 'x'.repeat(1001) },
        { locale: 'de' },
        { profileVisibility: 'friends' },
        { email: 'paul@elsewhere.org' },
        { roles: ['admin'] },
      ];
      for (const body of bad) {
        await expect(client.request('members.person.update', body as never, as(actorOf(person)))).rejects.toMatchObject(
          {
            code: 'validation_failed',
          },
        );
      }
      await expect(client.request('members.person.get', { id: person.id }, as(null))).resolves.toEqual(person);
      expect(await eventsOf('members.person.updated', person.id)).toEqual([]);
    });

    it('asks anonymous callers to sign in', async () => {
      await expect(client.request('members.person.update', { bio: 'Bonjour' }, as(null))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });
  });

  describe('public profiles', () => {
    it('shows a public profile without email, roles or ids, and a private one with names only', async () => {
      const rose = await register({ username: 'rose', email: 'rose@example.org' });
      await client.request('members.person.update', { bio: 'Maraîchère.' }, as(actorOf(rose)));
      expect(await client.request('members.person.profile', { nickname: 'rose' }, as(null))).toEqual({
        nickname: 'rose',
        displayName: rose.displayName,
        bio: 'Maraîchère.',
        locale: 'fr',
        territoryId: null,
        private: false,
        organizations: [],
        proposalsCount: 0,
      });
      await client.request('members.person.update', { profileVisibility: 'private' }, as(actorOf(rose)));
      expect(await client.request('members.person.profile', { nickname: 'rose' }, as(admin))).toEqual({
        nickname: 'rose',
        displayName: rose.displayName,
        private: true,
      });
    });

    it('answers not_found for an unknown nickname', async () => {
      await expect(
        client.request('members.person.profile', { nickname: 'personne-ici' }, as(null)),
      ).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('existence, for services', () => {
    it('answers which ids are people with an account, leaving out unknown ids and deleted accounts', async () => {
      const [kept, gone] = [await register({ username: 'octave' }), await register({ username: 'prune' })];
      await client.request('members.privacy.delete', { personId: gone.id }, as(actorOf(gone)));
      const unknown = uuidv7();
      const answer = await client.request('members.person.exists', { ids: [unknown, kept.id, gone.id] }, as(null));
      expect(answer).toEqual({ existing: [kept.id] });
    });

    it('refuses an empty list, more than 500 ids and ids that are not UUIDs', async () => {
      for (const ids of [[], Array.from({ length: 501 }, () => uuidv7()), ['octave']]) {
        await expect(client.request('members.person.exists', { ids }, as(null))).rejects.toMatchObject({
          code: 'validation_failed',
          errors: [expect.objectContaining({ path: expect.stringMatching(/^ids/) })],
        });
      }
    });
  });

  describe('nicknames, for services', () => {
    it('names the person a nickname is, whatever its case, and nobody for an unknown nickname or a deleted account', async () => {
      const [kept, gone] = [await register({ username: 'quentine' }), await register({ username: 'romuald' })];
      expect(
        await client.request('members.person.resolve', { nickname: kept.nickname.toUpperCase() }, as(null)),
      ).toEqual({
        id: kept.id,
        displayName: kept.displayName,
      });
      const goneNickname = gone.nickname;
      await client.request('members.privacy.delete', { personId: gone.id }, as(actorOf(gone)));
      for (const nickname of [goneNickname, 'personne-de-ce-nom']) {
        await expect(client.request('members.person.resolve', { nickname }, as(null))).rejects.toMatchObject({
          code: 'not_found',
        });
      }
    });
  });

  describe('blocking', () => {
    it('blocks once with a justification, announcing it once, and unblocks once', async () => {
      const sam = await register({ username: 'sam' });
      const reason = 'Messages insultants répétés envers des participants.';
      const blocked = await client.request('members.person.block', { id: sam.id, reason }, as(admin));
      expect(blocked).toMatchObject({ id: sam.id, blocked: true, blockReason: reason, blockedBy: admin.personId });
      expect(blocked.blockedAt).not.toBeNull();

      const twice = await client.request(
        'members.person.block',
        { id: sam.id, reason: 'Une autre raison bien assez longue.' },
        as(admin),
      );
      expect(twice).toEqual(blocked);
      expect(await eventsOf('members.person.blocked', sam.id)).toEqual([
        expect.objectContaining({
          actor: { personId: admin.personId },
          data: { personId: sam.id, reason, hideContent: false },
        }),
      ]);

      // Every sight and read answers the block state; the person cannot edit their profile.
      expect((await client.request('members.person.ensure', seen({ subject: sam.subject }), as(null))).blocked).toBe(
        true,
      );
      expect((await client.request('members.person.get', { id: sam.id }, as(null))).blocked).toBe(true);
      await expect(
        client.request('members.person.update', { bio: 'Je reviens.' }, as(actorOf(sam))),
      ).rejects.toMatchObject({ code: 'blocked_person' });

      const unblocked = await client.request('members.person.unblock', { id: sam.id }, as(admin));
      expect(unblocked).toMatchObject({ blocked: false, blockedAt: null, blockReason: null, blockedBy: null });
      expect(await client.request('members.person.unblock', { id: sam.id }, as(admin))).toEqual(unblocked);
      expect(await eventsOf('members.person.unblocked', sam.id)).toHaveLength(1);

      // The events reach the stream.
      const jsm = await nats.jetstreamManager();
      await eventually(async () => {
        const message = await jsm.streams.getMessage(run.stream, {
          last_by_subj: eventSubject('members.person.unblocked', run.subjectPrefix),
        });
        expect(message.json<EventEnvelope<{ personId: string }>>().data.personId).toBe(sam.id);
      });
    });

    it('is for platform administrators only, needs a justification of 10 to 1000 characters and a known person', async () => {
      const tom = await register({ username: 'tom' });
      const reason = 'Une justification suffisante.';
      await expect(
        client.request('members.person.block', { id: tom.id, reason }, as(actorOf(tom))),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(client.request('members.person.block', { id: tom.id, reason }, as(null))).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      await expect(client.request('members.person.unblock', { id: tom.id }, as(actorOf(tom)))).rejects.toMatchObject({
        code: 'forbidden',
      });
      for (const bad of ['trop bref', ' '.repeat(20), 'x'.repeat(1001)]) {
        await expect(
          client.request('members.person.block', { id: tom.id, reason: bad }, as(admin)),
        ).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'reason' })] });
      }
      await expect(client.request('members.person.block', { id: tom.id } as never, as(admin))).rejects.toMatchObject({
        code: 'validation_failed',
      });
      await expect(
        client.request('members.person.block', { id: randomUUID(), reason }, as(admin)),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        client.request('members.person.block', { id: admin.personId, reason }, as(admin)),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect((await client.request('members.person.get', { id: tom.id }, as(null))).blocked).toBe(false);
      expect(await eventsOf('members.person.blocked', tom.id)).toEqual([]);
    });

    it('keeps one block and one event when 10 blocks race', async () => {
      const ugo = await register({ username: 'ugo' });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          client.request('members.person.block', { id: ugo.id, reason: `Raison numéro ${n} du blocage` }, as(admin)),
        ),
      );
      expect(new Set(answers.map((a) => a.blockedAt)).size).toBe(1);
      expect(await eventsOf('members.person.blocked', ugo.id)).toHaveLength(1);
    });
  });

  describe('the list for administrators', () => {
    // People of this block all have "quercy" in their user name, so that `q` scopes the lists to them.
    let people: MePerson[];

    beforeAll(async () => {
      people = [];
      for (const [username, displayName] of [
        ['quercy-b', 'Bérénice du Quercy'],
        ['quercy-a', 'Armand du Quercy'],
        ['quercy-c', 'Coralie du Quercy'],
      ]) {
        people.push(await register({ username, displayName, email: `${username}@example.org` }));
      }
      await client.request(
        'members.person.block',
        { id: people[2].id, reason: 'Usurpation d’identité signalée.' },
        as(admin),
      );
    });

    const list = (query: Record<string, unknown>, actor: Actor | null = admin) =>
      client.request('members.person.list', { q: 'quercy', ...query } as never, as(actor));

    it('searches nickname, display name and email, and filters by block state', async () => {
      expect((await list({})).meta.total).toBe(3);
      expect((await list({ q: 'ARMAND' })).data.map((p) => p.id)).toEqual([people[1].id]);
      expect((await list({ q: 'quercy-b@example' })).data.map((p) => p.id)).toEqual([people[0].id]);
      expect((await list({ blocked: 'true' })).data.map((p) => p.id)).toEqual([people[2].id]);
      expect((await list({ blocked: true })).data[0]).toMatchObject({
        blocked: true,
        blockReason: 'Usurpation d’identité signalée.',
        email: 'quercy-c@example.org',
      });
      expect((await list({ blocked: 'false' })).meta.total).toBe(2);
      expect((await list({ q: '%' })).meta.total).toBe(0);
    });

    it('sorts and paginates like every list', async () => {
      expect((await list({ sort: 'displayName' })).data.map((p) => p.displayName)).toEqual([
        'Armand du Quercy',
        'Bérénice du Quercy',
        'Coralie du Quercy',
      ]);
      expect((await list({ sort: '-nickname' })).data.map((p) => p.nickname)).toEqual([
        'quercy-c',
        'quercy-b',
        'quercy-a',
      ]);
      const second = await list({ sort: 'createdAt', perPage: 2, page: 2 });
      expect(second).toMatchObject({ meta: { total: 3, page: 2, perPage: 2 } });
      expect(second.data.map((p) => p.id)).toEqual([people[2].id]);
      await expect(list({ perPage: 101 })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(list({ blocked: 'maybe' })).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('is for platform administrators only', async () => {
      await expect(list({}, actorOf(people[0]))).rejects.toMatchObject({ code: 'forbidden' });
      await expect(list({}, null)).rejects.toMatchObject({ code: 'unauthenticated' });
      await expect(
        client.request('members.person.inspect', { id: people[0].id }, as(actorOf(people[0]))),
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(client.request('members.person.inspect', { id: people[2].id }, as(admin))).resolves.toMatchObject({
        id: people[2].id,
        blocked: true,
      });
    });
  });

  describe('proposal counts', () => {
    it('counts the proposals the proposals service announces, once each', async () => {
      const vera = await register({ username: 'vera' });
      const subject = eventSubject('proposals.proposal.created', run.subjectPrefix);
      const js = nats.jetstream();
      const announce = async (id = uuidv7()) => {
        const event = {
          id,
          type: 'proposals.proposal.created',
          occurredAt: new Date().toISOString(),
          actor: { personId: vera.id },
          data: {
            proposalId: uuidv7(),
            processId: uuidv7(),
            authorId: vera.id,
            reference: 'PROP-2026-000001',
            title: 'Un composteur partagé par rue',
          },
          schemaVersion: 1,
        };
        await js.publish(subject, JSON.stringify(event), { msgID: randomUUID() });
        return event;
      };
      const first = await announce();
      await announce();
      await eventually(async () => {
        expect(await client.request('members.person.profile', { nickname: 'vera' }, as(null))).toMatchObject({
          proposalsCount: 2,
        });
      }, 10_000);

      // The first event again, under another message id: the consumer ignores it.
      const ack = await js.publish(subject, JSON.stringify(first), { msgID: randomUUID() });
      expect(ack.duplicate).toBe(false);
      const jsm = await nats.jetstreamManager();
      await eventually(async () => {
        const info = await jsm.consumers.info(run.stream, 'members-proposal-counts');
        expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(ack.seq);
        expect(info.num_pending).toBe(0);
        expect(info.num_ack_pending).toBe(0);
      }, 10_000);
      expect(await client.request('members.person.profile', { nickname: 'vera' }, as(null))).toMatchObject({
        proposalsCount: 2,
      });
      expect(
        await count(
          sql<{
            n: number;
          }>`select count(*)::int as n from processed_events where consumer = 'members-proposal-counts'`,
        ),
      ).toBe(2);
    });
  });
  describe('the profile migration', () => {
    it('gives people registered before nicknames a valid, unique one', async () => {
      const schema = 'members_before_nicknames';
      const db = createDatabase<unknown>({ url: run.databaseUrl, schema, poolSize: 2 });
      try {
        const createPeople = '2026-11-27T09-00-create-people';
        await migrateSchema(db, schema, { [createPeople]: membersMigrations[createPeople] });
        for (const [n, username] of ['Alice', 'alice', 'jo', 'camille@example.org', 'Élodie.Lefèvre'].entries()) {
          await sql`insert into people (id, subject, username, display_name, locale, created_at)
            values (${uuidv7()}, ${`s${n}`}, ${username}, ${username}, 'fr', now() + ${`${n} seconds`}::interval)`.execute(
            db,
          );
        }
        const profile = '2026-11-27T10-00-people-profile';
        await migrateSchema(db, schema, {
          [createPeople]: membersMigrations[createPeople],
          [profile]: membersMigrations[profile],
        });
        const { rows } = await sql<{ username: string; nickname: string; profile_visibility: string }>`
          select username, nickname, profile_visibility from people order by created_at`.execute(db);
        expect(rows.map((r) => [r.username, r.nickname])).toEqual([
          ['Alice', 'alice'],
          ['alice', 'alice-2'],
          ['jo', 'member-jo'],
          ['camille@example.org', 'camille'],
          ['Élodie.Lefèvre', 'elodie-lefevre'],
        ]);
        expect(rows.every((r) => r.profile_visibility === 'public')).toBe(true);
        await expect(sql`update people set nickname = 'Alice-3' where username = 'jo'`.execute(db)).rejects.toThrow(
          /people_nickname_format/,
        );
        await expect(sql`update people set nickname = 'alice' where username = 'jo'`.execute(db)).rejects.toThrow(
          /people_nickname_key/,
        );
      } finally {
        await sql.raw(`drop schema if exists ${schema} cascade`).execute(db);
        await db.destroy();
      }
    });
  });
});
