import { eventEnvelopeSchema, eventSubject, events, type DomainEvent, type EventType } from '@convergences/contracts';
import type { Kysely, Transaction } from 'kysely';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager } from 'nats';
import type { Logger } from 'pino';
import type { EventTables } from './outbox-tables';

/** What a service does when an event of `type` arrives, inside the transaction that records it. */
export interface EventHandler<DB extends EventTables, T extends EventType = EventType> {
  /** Durable consumer name, unique within the service (e.g. `processes-proposal-counts`). */
  name: string;
  type: T;
  handle(trx: Transaction<DB>, event: DomainEvent<T>): Promise<void>;
}

/** Any service's event handler, whatever its database and event type. */
export interface AnyEventHandler {
  name: string;
  type: EventType;
  handle(trx: never, event: never): Promise<void>;
}

export interface EventConsumerOptions<DB extends EventTables> {
  db: Kysely<DB>;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  subjectPrefix: string;
  logger: Logger;
  handler: EventHandler<DB>;
  ackWaitMs?: number;
}

const nanos = (ms: number) => ms * 1_000_000;

/**
 * A durable JetStream consumer that applies each event exactly once in effect: the handler's
 * writes and the processed-event row commit together, and only then is the message acked.
 */
export class EventConsumer<DB extends EventTables> {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(private readonly options: EventConsumerOptions<DB>) {}

  async start(): Promise<void> {
    const { jsm, js, stream, handler, subjectPrefix, ackWaitMs = 30_000 } = this.options;
    await jsm.consumers.add(stream, {
      durable_name: handler.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: eventSubject(handler.type, subjectPrefix),
      ack_wait: nanos(ackWaitMs),
      max_ack_pending: 1000,
    });
    const consumer = await js.consumers.get(stream, handler.name);
    this.messages = await consumer.consume({ max_messages: 100 });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      try {
        const applied = await this.apply(message.json());
        message.ack();
        if (applied)
          this.options.logger.debug({ subject: message.subject, consumer: this.options.handler.name }, 'event applied');
      } catch (error) {
        this.options.logger.error(
          { err: error, subject: message.subject, consumer: this.options.handler.name },
          'event handler failed',
        );
        message.nak(Math.min(1000 * message.info.redeliveryCount, 30_000));
      }
    }
  }

  /** Applies one event unless this consumer already did; answers whether it applied it. */
  async apply(raw: unknown): Promise<boolean> {
    const { db, handler } = this.options;
    const envelope = eventEnvelopeSchema.parse(raw);
    const data = events[handler.type].data.parse(envelope.data);
    const event = { ...envelope, type: handler.type, data } as DomainEvent;
    return db.transaction().execute(async (trx) => {
      const ledger = trx as unknown as Transaction<EventTables>;
      const inserted = await ledger
        .insertInto('processed_events')
        .values({ consumer: handler.name, event_id: event.id })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (!inserted.numInsertedOrUpdatedRows) return false;
      await handler.handle(trx, event);
      return true;
    });
  }
}
