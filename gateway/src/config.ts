import { platformConfigSchema } from '@convergences/service-runtime';
import { z } from 'zod';

const origins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()));

export const gatewayConfigSchema = platformConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL of the identity provider (Keycloak or the dev provider), without /realms. */
  IDP_URL: z.url().default('http://localhost:8080'),
  IDP_REALM: z.string().min(1).default('convergences'),
  /** Front ends allowed to call the API from a browser. */
  CORS_ORIGINS: origins.default(['http://localhost:5173', 'http://127.0.0.1:5173']),
  BODY_LIMIT: z.string().default('100kb'),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_PER_USER: z.coerce.number().int().min(1).default(300),
  /**
   * How long a verified token is remembered (never past its expiry), so that a client's next
   * requests cost no signature check; 0 checks every request.
   */
  TOKEN_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long a person looked up by token subject is remembered. */
  PERSON_CACHE_MS: z.coerce.number().int().min(0).default(60_000),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
