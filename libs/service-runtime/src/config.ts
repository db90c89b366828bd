import { z } from 'zod';

/** Settings every service and the gateway share, read from the environment. */
export const platformConfigSchema = z.object({
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/convergences'),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** Prepended to every NATS subject; lets test runs share one NATS without meeting. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-]+\.)?$/, 'empty, or a token followed by a dot')
    .default(''),
  EVENTS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('CONVERGENCES_EVENTS'),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How often a service runs its scheduled work (processes: activating phases at their start date). */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/** Reads and validates configuration, failing at start with every problem spelled out. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}
