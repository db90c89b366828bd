import 'reflect-metadata';
import type { ServiceName } from '@convergences/contracts';
import { createDatabase, idempotencyKeysMigration, migrateSchema, type Migrations } from '@convergences/database';
import {
  EventConsumer,
  type AnyEventHandler,
  OutboxRelay,
  ensureEventStream,
  eventsMigration,
  type EventHandler,
  type EventTables,
} from '@convergences/events';
import { natsConnectionOptions, PrefixedNatsServer, ServiceClient, setHandlerLogger } from '@convergences/messaging';
import { Module, type DynamicModule, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Kysely } from 'kysely';
import { connect, type NatsConnection } from 'nats';
import type { Logger } from 'pino';
import { loadConfig, platformConfigSchema, type PlatformConfig } from './config';
import { healthControllerFor } from './health.controller';
import { createLogger, PinoNestLogger } from './logger';
import { CONFIG, DATABASE, LOGGER, SERVICE_CLIENT } from './tokens';

export interface ServiceDefinition {
  name: ServiceName;
  /** The service's Nest module: its handlers and use-cases. */
  module: Type<unknown>;
  /** The service's own migrations, applied after the outbox and ledger tables. */
  migrations: Migrations;
  /** Providers of the module that handle events from other services. */
  eventHandlers?: Type<AnyEventHandler>[];
}

/** A running service: what tests and the launcher need to reach into and stop it. */
export interface RunningService {
  name: ServiceName;
  config: PlatformConfig;
  app: INestMicroservice;
  db: Kysely<EventTables>;
  nats: NatsConnection;
  relay: OutboxRelay;
  logger: Logger;
  close(): Promise<void>;
}

@Module({})
class ServiceRootModule {
  static with(
    definition: ServiceDefinition,
    values: { config: PlatformConfig; db: Kysely<EventTables>; client: ServiceClient; logger: Logger },
  ): DynamicModule {
    const providers = [
      { provide: CONFIG, useValue: values.config },
      { provide: DATABASE, useValue: values.db },
      { provide: SERVICE_CLIENT, useValue: values.client },
      { provide: LOGGER, useValue: values.logger },
    ];
    return {
      module: ServiceRootModule,
      global: true,
      imports: [definition.module],
      controllers: [healthControllerFor(definition.name)],
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}

/**
 * Boots a service: validates config, migrates its schema, answers its message patterns in a
 * queue group named after it, relays its outbox and runs its event consumers.
 */
export async function startService(
  definition: ServiceDefinition,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadConfig(platformConfigSchema, env);
  const schema = definition.name;
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  setHandlerLogger(logger);

  const db = createDatabase<EventTables>({
    url: config.DATABASE_URL,
    schema,
    poolSize: config.DB_POOL_SIZE,
    onIdleError: (error) => logger.warn({ err: error }, 'idle database connection lost'),
  });
  const migrations: Migrations = {
    '0000-events-outbox': eventsMigration(schema),
    '0001-idempotency-keys': idempotencyKeysMigration,
    ...definition.migrations,
  };
  const { applied } = await migrateSchema(db as unknown as Kysely<unknown>, schema, migrations);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  const nats = await connect({
    ...natsConnectionOptions(config.NATS_URL),
    name: `${definition.name}-events`,
    maxReconnectAttempts: -1,
  });
  const jsm = await nats.jetstreamManager();
  await ensureEventStream(jsm, { name: config.EVENTS_STREAM, subjectPrefix: config.NATS_SUBJECT_PREFIX });
  const js = nats.jetstream();

  const client = new ServiceClient({
    natsUrl: config.NATS_URL,
    subjectPrefix: config.NATS_SUBJECT_PREFIX,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    name: `${definition.name}-client`,
  });
  await client.connect();

  const app = await NestFactory.createMicroservice(ServiceRootModule.with(definition, { config, db, client, logger }), {
    strategy: new PrefixedNatsServer(config.NATS_SUBJECT_PREFIX, {
      ...natsConnectionOptions(config.NATS_URL),
      queue: definition.name,
      name: definition.name,
      maxReconnectAttempts: -1,
      gracefulShutdown: true,
      // Lets in-flight requests finish on shutdown.
      gracePeriod: 1000,
    }),
    logger: new PinoNestLogger(logger),
  });
  await app.listen();

  const relay = new OutboxRelay({
    db,
    databaseUrl: config.DATABASE_URL,
    schema,
    js,
    subjectPrefix: config.NATS_SUBJECT_PREFIX,
    logger,
  });
  await relay.start();

  const consumers = (definition.eventHandlers ?? []).map(
    (handler) =>
      new EventConsumer({
        db,
        js,
        jsm,
        stream: config.EVENTS_STREAM,
        subjectPrefix: config.NATS_SUBJECT_PREFIX,
        logger,
        handler: app.get(handler) as unknown as EventHandler<EventTables>,
      }),
  );
  for (const consumer of consumers) await consumer.start();
  logger.info({ queue: definition.name, prefix: config.NATS_SUBJECT_PREFIX }, 'service ready');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await Promise.all(consumers.map((c) => c.stop()));
      await relay.stop();
      await client.close();
      await nats.drain().catch(() => undefined);
      await db.destroy();
    })());
  return { name: definition.name, config, app, db, nats, relay, logger, close };
}

/** Runs a service as its own process until SIGINT or SIGTERM. */
export function runServiceProcess(definition: ServiceDefinition): void {
  startService(definition).then(
    (service) => {
      const stop = (signal: string) => {
        service.logger.info({ signal }, 'stopping');
        service.close().then(
          () => process.exit(0),
          (error) => {
            service.logger.error({ err: error }, 'unclean stop');
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error) => {
      console.error(`${definition.name} failed to start:`, error);
      process.exit(1);
    },
  );
}
