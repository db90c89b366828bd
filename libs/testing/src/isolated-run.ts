import { createTestDatabase } from '@convergences/database';
import { connect } from 'nats';
import { randomBytes } from 'node:crypto';

export interface IsolatedRun {
  /** Environment for services and the gateway: own database, subject prefix and stream. */
  env: Record<string, string>;
  databaseUrl: string;
  natsUrl: string;
  subjectPrefix: string;
  stream: string;
  /** Drops the database and deletes the stream. */
  dispose(): Promise<void>;
}

/**
 * A test run's own corner of the shared Postgres and NATS: a fresh database, a NATS subject
 * prefix and a JetStream stream name, so concurrent runs never meet.
 */
export async function createIsolatedRun(label: string): Promise<IsolatedRun> {
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const token = randomBytes(4).toString('hex');
  const database = await createTestDatabase(baseUrl, label);
  const subjectPrefix = `t${token}.`;
  const stream = `EVENTS_T${token.toUpperCase()}`;
  return {
    env: {
      DATABASE_URL: database.url,
      NATS_URL: natsUrl,
      NATS_SUBJECT_PREFIX: subjectPrefix,
      EVENTS_STREAM: stream,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    },
    databaseUrl: database.url,
    natsUrl,
    subjectPrefix,
    stream,
    dispose: async () => {
      const nats = await connect({ servers: natsUrl });
      try {
        const jsm = await nats.jetstreamManager();
        await jsm.streams.delete(stream).catch(() => undefined);
      } finally {
        await nats.close();
      }
      await database.drop();
    },
  };
}
