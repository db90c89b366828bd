import { eventSubject } from '@convergences/contracts';
import { sql, type Kysely } from 'kysely';
import { headers as natsHeaders, type JetStreamClient } from 'nats';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { outboxChannel } from './events-migration';
import type { EventTables } from './outbox-tables';

export interface OutboxRelayOptions {
  db: Kysely<EventTables>;
  databaseUrl: string;
  schema: string;
  js: JetStreamClient;
  subjectPrefix: string;
  logger: Logger;
  batchSize?: number;
  /** Polling interval, a safety net behind LISTEN/NOTIFY. */
  pollMs?: number;
  /** Observes each published batch before it is marked sent (tests use it to crash there). */
  afterPublish?: (ids: string[]) => void | Promise<void>;
}

/**
 * Publishes outbox rows to JetStream with the event id as `Nats-Msg-Id`, then marks them sent.
 * Rows are claimed with `for update skip locked`, so replicas share the work; a crash between
 * publishing and marking republishes the same ids, which JetStream and consumers both drop.
 */
export class OutboxRelay {
  private listener?: Client;
  private running = false;
  private wake?: () => void;
  /** A notification came while a batch was being published: drain again before waiting. */
  private notified = false;
  private loop?: Promise<void>;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** Subscribes to the outbox's notifications, and again whenever the connection drops. */
  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl });
    this.listener = listener;
    const reconnect = () => {
      if (!this.running || this.listener !== listener) return;
      this.listener = undefined;
      listener.end().catch(() => undefined);
      setTimeout(() => this.running && this.listen().catch(reconnect), 1000);
    };
    listener.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'outbox listener lost; polling until it is back');
      reconnect();
    });
    listener.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    try {
      await listener.connect();
      await listener.query(`listen "${outboxChannel(this.options.schema)}"`);
    } catch (error) {
      reconnect();
      if (!this.loop) throw error;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Publishes one batch of unsent events; answers how many it sent. */
  async drainOnce(): Promise<number> {
    const { db, js, subjectPrefix, batchSize = 100 } = this.options;
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .select(['id', 'type', 'envelope'])
        .where('sent_at', 'is', null)
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return 0;
      // Sent in id order on one connection, acknowledged together: the stream keeps that order,
      // and a failure anywhere republishes the batch, which JetStream's dedup window absorbs.
      await Promise.all(
        rows.map((row) => {
          const h = natsHeaders();
          h.set('Nats-Msg-Id', row.id);
          return js.publish(eventSubject(row.type, subjectPrefix), JSON.stringify(row.envelope), {
            msgID: row.id,
            headers: h,
          });
        }),
      );
      const ids = rows.map((row) => row.id);
      await this.options.afterPublish?.(ids);
      await trx
        .updateTable('outbox')
        .set({ sent_at: sql<Date>`now()` })
        .where('id', 'in', ids)
        .execute();
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    const pollMs = this.options.pollMs ?? 1000;
    let backoffMs = 0;
    while (this.running) {
      try {
        this.notified = false;
        const sent = await this.drainOnce();
        backoffMs = 0;
        // A full batch may have left more behind; otherwise only rows notified meanwhile are
        // new. (Draining again after every batch cost an empty transaction per event under load.)
        if (sent === (this.options.batchSize ?? 100) || this.notified) continue;
      } catch (error) {
        backoffMs = Math.min(Math.max(backoffMs * 2, 200), 5000);
        this.options.logger.warn({ err: error }, 'outbox relay failed, retrying');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffMs || pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
