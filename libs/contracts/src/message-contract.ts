import type { z } from 'zod';

/** What a caller sends for a pattern, and what the service answers. */
export interface MessageContract {
  request: z.ZodType;
  response: z.ZodType;
}

/** What an event of a type carries, and the version of that shape. */
export interface EventContract {
  schemaVersion: number;
  data: z.ZodType;
}
