import type { Actor, EventData, EventType, Process, ProcessStats } from '@convergences/contracts';
import { eventSubject } from '@convergences/contracts';
import { domainEvent } from '@convergences/events';
import { ServiceClient } from '@convergences/messaging';
import { startService, type RunningService } from '@convergences/service-runtime';
import {
  createIsolatedRun,
  eventually,
  type IsolatedRun,
  registerPerson,
  type ServiceProcess,
  startServiceProcess,
} from '@convergences/testing';
import { sql, type Kysely } from 'kysely';
import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection, type PubAck } from 'nats';
import { randomUUID } from 'node:crypto';
import type { ProcessesDatabase } from '../src/db/schema';
import { processesService } from '../src/processes.service';

jest.setTimeout(60_000);

// Events are published here as the proposals and debates services would: same envelope, same
// subject, the event id as `Nats-Msg-Id`; `occurredAt` is set to place them on chosen days.
describe('process statistics', () => {
  let run: IsolatedRun;
  let service: RunningService;
  // members runs as its own process: inviting people and giving roles asks it whether they exist.
  let members: ServiceProcess;
  let client: ServiceClient;
  let nats: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;

  const person = (n: number, username: string, roles = ['participant']): Actor => ({
    personId: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    subject: `stats-${username}`,
    username,
    displayName: username,
    roles,
    locale: 'fr',
  });
  const admin = person(1, 'admin', ['admin', 'participant']);
  const outsider = person(2, 'outsider');
  let seq = 0;
  const as = (actor: Actor | null) => ({ actor, requestId: `stats-${++seq}` });

  const db = () => service.db as unknown as Kysely<ProcessesDatabase>;
  const createProcess = (title: string, extra: Record<string, unknown> = {}) =>
    client.request(
      'processes.process.create',
      { title: { fr: title }, description: { fr: 'Une concertation ouverte.' }, status: 'published', ...extra },
      as(admin),
    );
  const statsOf = (processId: string, actor: Actor | null = null) =>
    client.request('processes.stats.get', { processId }, as(actor));

  /** Publishes an event as its producer's relay does; answers JetStream's acknowledgement. */
  async function publish<T extends EventType>(type: T, data: EventData<T>, occurredAt: string) {
    const envelope = { ...domainEvent(type, data, null), occurredAt };
    const ack = await js.publish(eventSubject(type, run.subjectPrefix), JSON.stringify(envelope), {
      msgID: envelope.id,
    });
    return { envelope, ack };
  }
  const proposal = (processId: string, authorId: string, at: string) =>
    publish(
      'proposals.proposal.created',
      { proposalId: randomUUID(), processId, authorId, reference: 'PROP-2026-000001', title: 'Une idée' },
      at,
    );
  const support = (processId: string, personId: string, at: string, supportId = randomUUID()) =>
    publish('proposals.support.given', { supportId, proposalId: randomUUID(), processId, personId }, at);
  const withdrawal = (processId: string, personId: string, at: string, supportId: string) =>
    publish('proposals.support.withdrawn', { supportId, proposalId: randomUUID(), processId, personId }, at);
  const debate = (processId: string | null, authorId: string, at: string) =>
    publish('debates.debate.created', { debateId: randomUUID(), processId, authorId }, at);
  const comment = (processId: string | null, authorId: string, at: string) =>
    publish(
      'debates.comment.created',
      { commentId: randomUUID(), resourceType: 'debate', resourceId: randomUUID(), processId, authorId },
      at,
    );

  /** Waits until the consumer has been handed the message at `ack` and has nothing left to do. */
  const drained = (consumer: string, ack: PubAck) =>
    eventually(async () => {
      const info = await jsm.consumers.info(run.stream, consumer);
      expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(ack.seq);
      expect(info.num_pending).toBe(0);
      expect(info.num_ack_pending).toBe(0);
    }, 15_000);

  const zeros = { participants: 0, proposals: 0, supports: 0, comments: 0, debates: 0 };
  const day = (date: string, counts: Partial<ProcessStats['daily'][number]>) => ({
    date,
    ...zeros,
    supportsWithdrawn: 0,
    ...counts,
  });

  beforeAll(async () => {
    run = await createIsolatedRun('processes-stats');
    [service, members] = await Promise.all([
      startService(processesService, run.env),
      startServiceProcess('members', run.env),
    ]);
    client = new ServiceClient({
      natsUrl: run.natsUrl,
      subjectPrefix: run.subjectPrefix,
      requestTimeoutMs: 5000,
      name: 'stats-test',
    });
    await client.connect();
    nats = await connect({ servers: run.natsUrl });
    js = nats.jetstream();
    jsm = await nats.jetstreamManager();
  });

  afterAll(async () => {
    await nats?.close();
    await client?.close();
    await Promise.all([service?.close(), members?.stop()]);
    await run?.dispose();
  });

  it('answers zeros and no days for a process nobody has taken part in yet', async () => {
    const process = await createProcess('Jardins familiaux de Rodez');
    expect(await statsOf(process.id)).toEqual({ processId: process.id, ...zeros, daily: [] });
  });

  it('counts each kind of activity on its day in Paris, with a line per day and each person once', async () => {
    const process = await createProcess('Tiers-lieux du Ségala');
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // 00:30 in Paris on 10 March (UTC+1): the 10th, though it is still the 9th in UTC.
    await proposal(process.id, a, '2026-03-09T23:30:00.000Z');
    await proposal(process.id, b, '2026-03-10T10:00:00+01:00');
    await support(process.id, c, '2026-03-10T22:59:59.000Z');
    // Midnight in Paris: the 11th. a was first seen on the 10th and is not counted again.
    await support(process.id, a, '2026-03-10T23:00:00.000Z');
    await debate(process.id, c, '2026-03-11T12:00:00.000Z');
    await comment(process.id, b, '2026-03-12T08:00:00.000Z');
    await comment(process.id, d, '2026-03-12T09:00:00.000Z');

    await eventually(async () => {
      expect(await statsOf(process.id)).toEqual({
        processId: process.id,
        participants: 4,
        proposals: 2,
        supports: 2,
        comments: 2,
        debates: 1,
        daily: [
          day('2026-03-10', { participants: 3, proposals: 2, supports: 1 }),
          day('2026-03-11', { supports: 1, debates: 1 }),
          day('2026-03-12', { participants: 1, comments: 2 }),
        ],
      });
    }, 15_000);
  });

  it('counts a person who proposes, supports, opens a debate and comments as one participant', async () => {
    const process = await createProcess('Ressourcerie de Figeac');
    const someone = randomUUID();
    const at = '2026-04-02T09:00:00.000Z';
    await Promise.all([
      proposal(process.id, someone, at),
      support(process.id, someone, at),
      debate(process.id, someone, at),
      comment(process.id, someone, at),
      comment(process.id, someone, at),
    ]);
    await eventually(async () => {
      const stats = await statsOf(process.id);
      expect(stats).toMatchObject({ participants: 1, proposals: 1, supports: 1, debates: 1, comments: 2 });
      expect(stats.daily).toEqual([
        day('2026-04-02', { participants: 1, proposals: 1, supports: 1, debates: 1, comments: 2 }),
      ]);
    }, 15_000);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from process_participants
      where process_id = ${process.id}`.execute(db());
    expect(rows[0].n).toBe(1);
  });

  it('counts a participant on the earliest day they acted, even when that event arrives last', async () => {
    const process = await createProcess('Épicerie solidaire de Cahors');
    const someone = randomUUID();
    await proposal(process.id, someone, '2026-05-20T10:00:00.000Z');
    await drained('processes-stats-proposals', (await proposal(process.id, someone, '2026-05-18T10:00:00.000Z')).ack);
    expect(await statsOf(process.id)).toMatchObject({
      participants: 1,
      proposals: 2,
      daily: [day('2026-05-18', { participants: 1, proposals: 1 }), day('2026-05-20', { proposals: 1 })],
    });
  });

  it('ends with the same counts when many events of every kind arrive at once, in any order', async () => {
    const process = await createProcess('Fête des associations de Saint-Affrique');
    const people = Array.from({ length: 6 }, () => randomUUID());
    const days = ['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04'];
    const kinds = [proposal, support, debate, comment] as const;
    const acts = Array.from({ length: 48 }, (_, n) => ({
      kind: n % kinds.length,
      who: people[(n * 5) % people.length],
      day: days[(n * 3 + Math.floor(n / 4)) % days.length],
    }));
    // Published newest first, so each consumer mostly meets a person's later acts before earlier ones.
    await Promise.all(
      [...acts].reverse().map(({ kind, who, day }) => kinds[kind](process.id, who, `${day}T10:00:00.000Z`)),
    );

    const firstDay = new Map<string, string>();
    for (const { who, day } of acts) if (!firstDay.has(who) || day < firstDay.get(who)!) firstDay.set(who, day);
    const expected = days.map((date) =>
      day(date, {
        participants: [...firstDay.values()].filter((first) => first === date).length,
        proposals: acts.filter((a) => a.day === date && a.kind === 0).length,
        supports: acts.filter((a) => a.day === date && a.kind === 1).length,
        debates: acts.filter((a) => a.day === date && a.kind === 2).length,
        comments: acts.filter((a) => a.day === date && a.kind === 3).length,
      }),
    );
    await eventually(async () => {
      const stats = await statsOf(process.id);
      expect(stats.daily).toEqual(expected);
      expect(stats).toMatchObject({
        participants: people.length,
        proposals: 12,
        supports: 12,
        debates: 12,
        comments: 12,
      });
    }, 20_000);
  });

  it('applies an event delivered twice only once', async () => {
    const process = await createProcess('Covoiturage du Lot');
    const first = await proposal(process.id, randomUUID(), '2026-06-01T10:00:00.000Z');
    // The same message id within the window: JetStream drops it itself.
    const sameId = await js.publish(
      eventSubject('proposals.proposal.created', run.subjectPrefix),
      JSON.stringify(first.envelope),
      { msgID: first.envelope.id },
    );
    expect(sameId.duplicate).toBe(true);
    // A relay that restarted after its dedup window would publish it under a new message id.
    const redelivered = await js.publish(
      eventSubject('proposals.proposal.created', run.subjectPrefix),
      JSON.stringify(first.envelope),
      { msgID: randomUUID() },
    );
    expect(redelivered.duplicate).toBe(false);
    await drained('processes-stats-proposals', redelivered);

    expect(await statsOf(process.id)).toMatchObject({
      participants: 1,
      proposals: 1,
      daily: [day('2026-06-01', { participants: 1, proposals: 1 })],
    });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from processed_events
      where consumer = 'processes-stats-proposals' and event_id = ${first.envelope.id}`.execute(db());
    expect(rows[0].n).toBe(1);
  });

  it('takes a withdrawn support off the total, on the day it was withdrawn', async () => {
    const process = await createProcess('Pédibus de Villefranche');
    const [x, y] = [randomUUID(), randomUUID()];
    const supportOfX = randomUUID();
    await support(process.id, x, '2026-09-07T08:00:00.000Z', supportOfX);
    await support(process.id, y, '2026-09-07T09:00:00.000Z');
    await drained('processes-stats-supports-given', (await support(process.id, y, '2026-09-08T09:00:00.000Z')).ack);
    await withdrawal(process.id, x, '2026-09-09T10:00:00.000Z', supportOfX);

    await eventually(async () => {
      expect(await statsOf(process.id)).toEqual({
        processId: process.id,
        participants: 2,
        proposals: 0,
        supports: 2,
        comments: 0,
        debates: 0,
        daily: [
          day('2026-09-07', { participants: 2, supports: 2 }),
          day('2026-09-08', { supports: 1 }),
          // Withdrawing makes nobody a participant: x already was one.
          day('2026-09-09', { supportsWithdrawn: 1 }),
        ],
      });
    }, 15_000);
  });

  it('takes hidden content off the day it was written, a proposal with its comments, and gives it back when shown', async () => {
    const process = await createProcess('Ressourcerie du Vallon');
    const [a, b, c, d, e, f] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const [p, q, debateId, c1, c2, c3] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const created = (proposalId: string, authorId: string, at: string) =>
      publish(
        'proposals.proposal.created',
        { proposalId, processId: process.id, authorId, reference: 'PROP-2026-000002', title: 'Une idée' },
        at,
      );
    const commented = (commentId: string, resourceType: string, resourceId: string, authorId: string, at: string) =>
      publish('debates.comment.created', { commentId, resourceType, resourceId, processId: process.id, authorId }, at);
    const moderated = (
      resourceType: 'proposal' | 'debate' | 'comment',
      resourceId: string,
      hidden: boolean,
      version: number,
    ) =>
      publish(
        'debates.content.moderated',
        {
          moderationId: randomUUID(),
          resourceType,
          resourceId,
          processId: process.id,
          authorId: null,
          hidden,
          cause: hidden ? 'moderator' : null,
          reasons: [],
          justification: hidden ? 'Propos injurieux.' : null,
          version,
        },
        '2026-10-20T10:00:00.000Z',
      );
    const dailyOf = async () => (await statsOf(process.id)).daily;

    await created(p, a, '2026-10-01T10:00:00.000Z');
    await publish(
      'debates.debate.created',
      { debateId, processId: process.id, authorId: c },
      '2026-10-01T11:00:00.000Z',
    );
    await commented(c1, 'proposal', p, b, '2026-10-02T10:00:00.000Z');
    await commented(c2, 'debate', debateId, d, '2026-10-03T10:00:00.000Z');
    await eventually(async () => {
      expect(await dailyOf()).toEqual([
        day('2026-10-01', { participants: 2, proposals: 1, debates: 1 }),
        day('2026-10-02', { participants: 1, comments: 1 }),
        day('2026-10-03', { participants: 1, comments: 1 }),
      ]);
    }, 15_000);

    // The proposal hidden takes its comment with it; a comment hidden alone leaves on its own.
    await moderated('proposal', p, true, 1);
    await moderated('comment', c2, true, 1);
    await eventually(async () => {
      expect(await dailyOf()).toEqual([
        day('2026-10-01', { participants: 2, debates: 1 }),
        day('2026-10-02', { participants: 1 }),
        day('2026-10-03', { participants: 1 }),
      ]);
    }, 15_000);
    // A comment written on the hidden proposal is not counted; its author still takes part.
    await commented(c3, 'proposal', p, f, '2026-10-05T10:00:00.000Z');
    // A hiding heard of before the proposal itself: the proposal is never counted.
    await drained('processes-stats-moderation', (await moderated('proposal', q, true, 1)).ack);
    await created(q, e, '2026-10-04T10:00:00.000Z');
    // An older decision than the last applied changes nothing.
    await drained('processes-stats-moderation', (await moderated('proposal', p, false, 1)).ack);
    await eventually(async () => {
      expect(await statsOf(process.id)).toMatchObject({ proposals: 0, comments: 0, participants: 6 });
    }, 15_000);

    // Shown again: the proposal and both its comments come back, each on its day.
    await moderated('proposal', p, false, 2);
    await eventually(async () => {
      expect(await statsOf(process.id)).toEqual({
        processId: process.id,
        participants: 6,
        proposals: 1,
        supports: 0,
        comments: 2,
        debates: 1,
        daily: [
          day('2026-10-01', { participants: 2, proposals: 1, debates: 1 }),
          day('2026-10-02', { participants: 1, comments: 1 }),
          day('2026-10-03', { participants: 1 }),
          day('2026-10-04', { participants: 1 }),
          day('2026-10-05', { participants: 1, comments: 1 }),
        ],
      });
    }, 15_000);
  });

  it("keeps each process's counts to itself and ignores events outside any known process", async () => {
    const [mine, theirs] = [await createProcess('Halles de Lectoure'), await createProcess('Halles de Gourdon')];
    const someone = randomUUID();
    await proposal(mine.id, someone, '2026-10-01T10:00:00.000Z');
    await proposal(theirs.id, someone, '2026-10-01T11:00:00.000Z');
    await proposal(theirs.id, randomUUID(), '2026-10-02T11:00:00.000Z');
    const outside = [
      await debate(null, someone, '2026-10-01T12:00:00.000Z'),
      await comment(null, someone, '2026-10-01T12:00:00.000Z'),
      await proposal(randomUUID(), someone, '2026-10-01T12:00:00.000Z'),
    ];
    await Promise.all([
      drained('processes-stats-debates', outside[0].ack),
      drained('processes-stats-comments', outside[1].ack),
      drained('processes-stats-proposals', outside[2].ack),
    ]);

    expect(await statsOf(mine.id)).toEqual({
      processId: mine.id,
      ...zeros,
      participants: 1,
      proposals: 1,
      daily: [day('2026-10-01', { participants: 1, proposals: 1 })],
    });
    expect(await statsOf(theirs.id)).toMatchObject({ participants: 2, proposals: 2, debates: 0, comments: 0 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from process_daily_stats
      where process_id not in (select id from processes)`.execute(db());
    expect(rows[0].n).toBe(0);
  });

  describe('who sees them', () => {
    let secret: Process;
    let draft: Process;
    let guest: Actor;
    let moderator: Actor;

    /** A participant as members knows them, registered as the gateway does on first sight. */
    const registered = (username: string): Promise<Actor> => registerPerson(client, as(null), username);

    beforeAll(async () => {
      [guest, moderator] = await Promise.all([registered('guest'), registered('moderator')]);
      secret = await createProcess('Conseil citoyen restreint de Millau', { visibility: 'private' });
      draft = await createProcess('Brouillon de concertation à Albi', { status: 'draft' });
      await client.request(
        'processes.invitation.create',
        { processId: secret.id, personIds: [guest.personId] },
        as(admin),
      );
      await client.request(
        'processes.role.assign',
        { processId: secret.id, personId: moderator.personId, role: 'moderator' },
        as(admin),
      );
      await drained(
        'processes-stats-proposals',
        (await proposal(secret.id, guest.personId, '2026-11-03T10:00:00.000Z')).ack,
      );
    });

    it('hides a private process, counts included, from outsiders and anonymous callers', async () => {
      for (const who of [outsider, null]) {
        await expect(statsOf(secret.id, who)).rejects.toMatchObject({ code: 'not_found' });
      }
    });

    it('shows them to people invited to the process, its role holders and platform admins', async () => {
      for (const who of [guest, moderator, admin]) {
        await expect(statsOf(secret.id, who)).resolves.toMatchObject({ processId: secret.id, proposals: 1 });
      }
    });

    it("hides a draft's from all but its role holders and platform admins", async () => {
      await expect(statsOf(draft.id, outsider)).rejects.toMatchObject({ code: 'not_found' });
      await expect(statsOf(draft.id, admin)).resolves.toMatchObject({ processId: draft.id });
    });

    it('answers not_found for an unknown process, and validation_failed for an id that is not one', async () => {
      await expect(statsOf(randomUUID(), admin)).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        client.request('processes.stats.get', { processId: 'tiers-lieux' }, as(admin)),
      ).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'processId' })] });
    });
  });
});
