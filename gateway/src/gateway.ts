import 'reflect-metadata';
import { ServiceClient } from '@convergences/messaging';
import { createLogger, loadConfig, PinoNestLogger } from '@convergences/service-runtime';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import pinoHttp from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import { CachingTokenVerifier } from './auth/caching-token-verifier';
import { KeycloakTokenVerifier } from './auth/keycloak-token-verifier';
import { gatewayConfigSchema, type GatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { buildApiDocument } from './openapi/api-document';

export interface RunningGateway {
  url: string;
  config: GatewayConfig;
  app: NestExpressApplication;
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Starts the HTTP gateway: the platform's only HTTP entry. */
export async function startGateway(env: Record<string, string | undefined> = process.env): Promise<RunningGateway> {
  const config = loadConfig(gatewayConfigSchema, env);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const services = new ServiceClient({
    natsUrl: config.NATS_URL,
    subjectPrefix: config.NATS_SUBJECT_PREFIX,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    name: 'gateway',
  });
  await services.connect();
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 1, application_name: 'gateway-readiness' });
  pool.on('error', (error) => logger.warn({ err: error }, 'readiness connection lost'));

  const app = await NestFactory.create<NestExpressApplication>(
    GatewayModule.with({
      config,
      services,
      verifier: new CachingTokenVerifier(
        new KeycloakTokenVerifier(config.IDP_URL, config.IDP_REALM),
        config.TOKEN_CACHE_MS,
      ),
      pool,
    }),
    { bodyParser: false, logger: new PinoNestLogger(logger) },
  );
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (request: Request, response: Response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (request: Request) => request.url === '/health' || request.url === '/ready' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // Over plain http (development) upgrading would break the API docs' assets.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.enableCors({
    origin: config.CORS_ORIGINS,
    exposedHeaders: ['Location', 'X-Request-Id', 'Retry-After'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'Accept', 'Accept-Language'],
    maxAge: 600,
  });

  const document = buildApiDocument(config.IDP_URL, config.IDP_REALM);
  app.use('/api/docs/openapi.json', (_request: Request, response: Response) => response.json(document));
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Convergences API' }));

  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  logger.info({ port: address.port }, 'gateway ready');

  return {
    url: `http://${host}:${address.port}`,
    config,
    app,
    close: async () => {
      await app.close();
      await services.close();
      await pool.end();
    },
  };
}
