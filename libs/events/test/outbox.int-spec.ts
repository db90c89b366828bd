// The key guarantee of the architecture, against real Postgres and JetStream: an event written
// in the same transaction as its state change reaches its consumer exactly once in effect, even
// when the relay dies between publishing and marking the event sent.
import { eventSubject, type DomainEvent } from '@convergences/contracts';
import { createDatabase, migrateSchema } from '@convergences/database';
import {
  EventConsumer,
  OutboxRelay,
  addToOutbox,
  domainEvent,
  ensureEventStream,
  eventsMigration,
  type EventHandler,
  type EventTables,
} from '@convergences/events';
import { createIsolatedRun, eventually, type IsolatedRun } from '@convergences/testing';
import { sql, type Kysely, type Migration, type Transaction } from 'kysely';
import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import pino from 'pino';

jest.setTimeout(30_000);

const SCHEMA = 'lab';
const CONSUMER = 'lab-counters';

interface LabDatabase extends EventTables {
  things: { id: string; name: string };
  counters: { name: string; value: number };
}

const createThings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('things')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
  },
};

/** Counts each applied `proposals.proposal.created` under its process id; can be told to fail once. */
class CountingHandler implements EventHandler<LabDatabase, 'proposals.proposal.created'> {
  readonly name = CONSUMER;
  readonly type = 'proposals.proposal.created' as const;
  readonly attempts = new Map<string, number>();
  readonly failFirstTime = new Set<string>();
  private failed?: () => void;
  readonly firstFailure = new Promise<void>((resolve) => (this.failed = resolve));

  async handle(trx: Transaction<LabDatabase>, event: DomainEvent<'proposals.proposal.created'>): Promise<void> {
    const attempt = (this.attempts.get(event.id) ?? 0) + 1;
    this.attempts.set(event.id, attempt);
    await sql`insert into counters (name, value) values (${event.data.processId}, 1)
      on conflict (name) do update set value = counters.value + 1`.execute(trx);
    if (this.failFirstTime.has(event.id) && attempt === 1) {
      this.failed?.();
      throw new Error('handler failed after writing');
    }
  }
}

describe('transactional outbox → JetStream → idempotent consumer', () => {
  const logger = pino({ level: 'silent' });
  let run: IsolatedRun;
  let db: Kysely<LabDatabase>;
  let nats: NatsConnection;
  let jsm: JetStreamManager;
  let js: JetStreamClient;
  let handler: CountingHandler;
  let consumer: EventConsumer<LabDatabase>;
  const relays: OutboxRelay[] = [];

  const newRelay = (afterPublish?: (ids: string[]) => void | Promise<void>) => {
    const relay = new OutboxRelay({
      db: db as unknown as Kysely<EventTables>,
      databaseUrl: run.databaseUrl,
      schema: SCHEMA,
      js,
      subjectPrefix: run.subjectPrefix,
      logger,
      pollMs: 100,
      afterPublish,
    });
    relays.push(relay);
    return relay;
  };

  const proposalCreated = (processId = randomUUID()) =>
    domainEvent(
      'proposals.proposal.created',
      {
        proposalId: randomUUID(),
        processId,
        authorId: randomUUID(),
        reference: 'PROP-2026-000001',
        title: 'Des bancs sur la place du marché',
      },
      null,
    );

  /** Writes a thing and its event in one transaction, as a service would. */
  const writeThingWithEvent = (event: DomainEvent) =>
    db.transaction().execute(async (trx) => {
      await trx.insertInto('things').values({ id: event.id, name: 'bench' }).execute();
      await addToOutbox(trx, event);
    });

  const streamMessages = async () => (await jsm.streams.info(run.stream)).state.messages;
  const counter = async (name: string) =>
    (await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst())?.value ?? 0;
  const processedRows = async (eventId: string) =>
    db.selectFrom('processed_events').selectAll().where('event_id', '=', eventId).execute();

  /** Waits until the consumer has been handed and has acked everything up to `seq`. */
  const consumerCaughtUp = (seq: number) =>
    eventually(async () => {
      const info = await jsm.consumers.info(run.stream, CONSUMER);
      expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(seq);
      expect(info.num_pending).toBe(0);
      expect(info.num_ack_pending).toBe(0);
    }, 15_000);

  beforeAll(async () => {
    run = await createIsolatedRun('outbox');
    db = createDatabase<LabDatabase>({ url: run.databaseUrl, schema: SCHEMA, poolSize: 5 });
    await migrateSchema(db as unknown as Kysely<unknown>, SCHEMA, {
      '0000-events': eventsMigration(SCHEMA),
      '0001-things': createThings,
    });
    nats = await connect({ servers: run.natsUrl });
    jsm = await nats.jetstreamManager();
    js = nats.jetstream();
    await ensureEventStream(jsm, { name: run.stream, subjectPrefix: run.subjectPrefix });
    handler = new CountingHandler();
    consumer = new EventConsumer<LabDatabase>({
      db,
      js,
      jsm,
      stream: run.stream,
      subjectPrefix: run.subjectPrefix,
      logger,
      handler: handler as unknown as EventHandler<LabDatabase>,
      ackWaitMs: 5000,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    for (const relay of relays) await relay.stop();
    await nats?.drain();
    await db?.destroy();
    await run?.dispose();
  });

  it('delivers an event once in effect although the relay crashed between publishing and marking it sent', async () => {
    const event = proposalCreated();
    await writeThingWithEvent(event);

    // First relay: publishes, then "crashes" before marking the row sent.
    let crashed!: () => void;
    const crash = new Promise<void>((resolve) => (crashed = resolve));
    let crashes = 0;
    const first = newRelay(() => {
      if (crashes++ === 0) {
        crashed();
        throw new Error('crash after publish, before mark-sent');
      }
    });
    await first.start();
    await crash;
    await first.stop();

    const row = await db.selectFrom('outbox').select(['sent_at']).where('id', '=', event.id).executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
    expect(crashes).toBe(1);
    expect(await streamMessages()).toBe(1);

    // A fresh relay finds the row unsent and publishes it again under the same Nats-Msg-Id.
    const second = newRelay();
    await second.start();
    await eventually(async () => {
      const sent = await db.selectFrom('outbox').select('sent_at').where('id', '=', event.id).executeTakeFirstOrThrow();
      expect(sent.sent_at).toBeInstanceOf(Date);
    });
    await second.stop();

    // JetStream dropped the republished copy.
    expect(await streamMessages()).toBe(1);
    const stored = await jsm.streams.getMessage(run.stream, { seq: 1 });
    expect(stored.subject).toBe(eventSubject('proposals.proposal.created', run.subjectPrefix));
    expect(stored.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(stored.json<DomainEvent>()).toEqual(JSON.parse(JSON.stringify(event)));

    // The consumer applied it exactly once.
    await eventually(async () => expect(await counter(event.data.processId)).toBe(1));
    await consumerCaughtUp(1);
    expect(await counter(event.data.processId)).toBe(1);
    expect(await processedRows(event.id)).toEqual([
      expect.objectContaining({ consumer: CONSUMER, event_id: event.id }),
    ]);
    expect(handler.attempts.get(event.id)).toBe(1);
    expect(await db.selectFrom('things').select('id').where('id', '=', event.id).execute()).toHaveLength(1);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const before = await streamMessages();
    const event = proposalCreated();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('things').values({ id: event.id, name: 'fountain' }).execute();
        await addToOutbox(trx, event);
        throw new Error('use-case failed after writing');
      }),
    ).rejects.toThrow('use-case failed after writing');

    expect(await db.selectFrom('outbox').select('id').where('id', '=', event.id).execute()).toEqual([]);
    expect(await db.selectFrom('things').select('id').where('id', '=', event.id).execute()).toEqual([]);
    const relay = newRelay();
    expect(await relay.drainOnce()).toBe(0);
    expect(await streamMessages()).toBe(before);

    // The same relay does publish a committed event: the zero above is not a broken relay.
    const committed = proposalCreated();
    await writeThingWithEvent(committed);
    expect(await relay.drainOnce()).toBe(1);
    expect(await streamMessages()).toBe(before + 1);
    await eventually(async () => expect(await counter(committed.data.processId)).toBe(1));
    expect(await counter(event.data.processId)).toBe(0);
  });

  it('applies the same envelope once when it is handed over twice', async () => {
    const event = proposalCreated();
    const wire = JSON.parse(JSON.stringify(event));
    expect(await consumer.apply(wire)).toBe(true);
    expect(await consumer.apply(wire)).toBe(false);
    expect(await counter(event.data.processId)).toBe(1);
    expect(await processedRows(event.id)).toHaveLength(1);
  });

  it('ignores a duplicate published under another message id', async () => {
    const event = proposalCreated();
    const subject = eventSubject(event.type, run.subjectPrefix);
    const before = await streamMessages();
    await js.publish(subject, JSON.stringify(event), { msgID: randomUUID() });
    const last = await js.publish(subject, JSON.stringify(event), { msgID: randomUUID() });
    expect(await streamMessages()).toBe(before + 2);

    await consumerCaughtUp(last.seq);
    expect(await counter(event.data.processId)).toBe(1);
    expect(await processedRows(event.id)).toHaveLength(1);
    expect(handler.attempts.get(event.id)).toBe(1);
  });

  it('leaves nothing applied when the handler throws, and applies the redelivered event once it succeeds', async () => {
    const event = proposalCreated();
    handler.failFirstTime.add(event.id);
    await writeThingWithEvent(event);
    const relay = newRelay();
    expect(await relay.drainOnce()).toBe(1);

    await handler.firstFailure;
    // The failed attempt's writes and ledger row were rolled back together.
    await eventually(async () => {
      expect(await counter(event.data.processId)).toBe(0);
      expect(await processedRows(event.id)).toEqual([]);
    });

    // Redelivered after the nak, applied once.
    await eventually(async () => expect(await counter(event.data.processId)).toBe(1), 15_000);
    const seq = (await jsm.streams.info(run.stream)).state.last_seq;
    await consumerCaughtUp(seq);
    expect(handler.attempts.get(event.id)).toBe(2);
    expect(await counter(event.data.processId)).toBe(1);
    expect(await processedRows(event.id)).toHaveLength(1);
  });
});
