// The members service against real Postgres and NATS: people met through verified tokens.
import { eventSubject, type EnsurePersonRequest, type EventEnvelope } from '@convergences/contracts';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import { createIsolatedRun, eventually, type IsolatedRun } from '@convergences/testing';
import { sql } from 'kysely';
import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { membersService } from '../src/members.service';

jest.setTimeout(30_000);

describe('members service', () => {
  let run: IsolatedRun;
  let service: RunningService;
  let client: ServiceClient;
  let nats: NatsConnection;
  let seq = 0;
  const ctx = () => ({ actor: null, requestId: `members-${++seq}` });

  const seen = (overrides: Partial<EnsurePersonRequest> = {}): EnsurePersonRequest => ({
    subject: `sub-${randomUUID()}`,
    username: 'alice',
    email: 'alice@example.org',
    displayName: 'Alice Vernadet',
    roles: ['participant'],
    locale: 'fr',
    ...overrides,
  });

  /** The `members.person.registered` events in the outbox for a person. */
  const registeredEvents = async (personId: string) => {
    const { rows } = await sql<{ envelope: EventEnvelope<{ personId: string }> }>`select envelope from outbox
      where type = 'members.person.registered' and envelope->'data'->>'personId' = ${personId}`.execute(service.db);
    return rows.map((r) => r.envelope);
  };
  const peopleWithSubject = async (subject: string) => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from people where subject = ${subject}`.execute(
      service.db,
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    run = await createIsolatedRun('members');
    service = await startService(membersService, run.env);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'members-test',
    });
    await client.connect();
    nats = await connect({ servers: run.natsUrl });
  });

  afterAll(async () => {
    await nats?.close();
    await client?.close();
    await service?.close();
    await run?.dispose();
  });

  it('registers a person on first sight and announces it once', async () => {
    const first = seen({ username: 'bob', displayName: '  Bob Lestrade  ', email: 'bob@example.org', locale: 'en' });
    const person = await client.request('members.person.ensure', first, ctx());
    expect(person).toMatchObject({
      subject: first.subject,
      username: 'bob',
      displayName: 'Bob Lestrade',
      email: 'bob@example.org',
      locale: 'en',
      roles: ['participant'],
    });
    expect(person.id).toMatch(/^[0-9a-f-]{36}$/);

    const events = await registeredEvents(person.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'members.person.registered',
      actor: { personId: person.id },
      data: { personId: person.id, username: 'bob', displayName: 'Bob Lestrade', locale: 'en' },
      schemaVersion: 1,
    });

    // The relay publishes it to the run's stream.
    const jsm = await nats.jetstreamManager();
    await eventually(async () => {
      const message = await jsm.streams.getMessage(run.stream, {
        last_by_subj: eventSubject('members.person.registered', run.subjectPrefix),
      });
      expect(message.header.get('Nats-Msg-Id')).toBe(events[0].id);
    });
  });

  it('only mirrors username, email and roles on later sights', async () => {
    const first = seen({ username: 'alice', displayName: 'Alice Vernadet', locale: 'fr' });
    const registered = await client.request('members.person.ensure', first, ctx());

    const later = await client.request(
      'members.person.ensure',
      {
        ...first,
        username: 'alice.v',
        email: 'alice.v@example.org',
        displayName: 'Alice Renommée',
        roles: ['participant', 'admin'],
        locale: 'en',
      },
      ctx(),
    );
    expect(later).toEqual({
      ...registered,
      username: 'alice.v',
      email: 'alice.v@example.org',
      roles: ['participant', 'admin'],
    });
    expect(later.displayName).toBe('Alice Vernadet');
    expect(later.locale).toBe('fr');

    await expect(client.request('members.person.get', { id: registered.id }, ctx())).resolves.toEqual(later);
    expect(await registeredEvents(registered.id)).toHaveLength(1);
    expect(await peopleWithSubject(first.subject)).toBe(1);
  });

  it('falls back to the username when the token has no usable display name', async () => {
    const none = await client.request('members.person.ensure', seen({ username: 'gaspard', displayName: null }), ctx());
    const blank = await client.request(
      'members.person.ensure',
      seen({ username: 'honorine', displayName: '   ' }),
      ctx(),
    );
    expect(none.displayName).toBe('gaspard');
    expect(blank.displayName).toBe('honorine');
  });

  it('creates one person and one event when 20 sights of a new subject arrive together', async () => {
    const first = seen({ username: 'clementine', displayName: 'Clémentine Aubrac' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => client.request('members.person.ensure', first, ctx())),
    );
    const ids = new Set(answers.map((a) => a.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(await peopleWithSubject(first.subject)).toBe(1);
    expect(await registeredEvents(id)).toHaveLength(1);
  });

  it('answers not_found for an unknown person and validation_failed for a malformed id', async () => {
    await expect(client.request('members.person.get', { id: randomUUID() }, ctx())).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(client.request('members.person.get', { id: 'alice' }, ctx())).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'id' })],
    });
  });

  it('rejects an ensure with a locale the platform does not speak, writing nothing', async () => {
    const bad = seen({ locale: 'de' as 'fr' });
    await expect(client.request('members.person.ensure', bad, ctx())).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'locale' })],
    });
    expect(await peopleWithSubject(bad.subject)).toBe(0);
  });
});
