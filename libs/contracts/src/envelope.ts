import { z } from 'zod';
import { actorSchema } from './actor';

/** What travels with every request over NATS: who asks, the request id, and the body. */
export const requestEnvelopeSchema = z.object({
  actor: actorSchema.nullable(),
  requestId: z.string(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  body: z.unknown(),
});
export type RequestEnvelope<Body = unknown> = Omit<z.infer<typeof requestEnvelopeSchema>, 'body'> & { body: Body };

/** The actor as recorded in an event: enough to attribute it, nothing secret. */
export const eventActorSchema = z.object({ personId: z.uuid() }).nullable();

/** The envelope of every domain event published on JetStream. */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  occurredAt: z.iso.datetime({ offset: true }),
  actor: eventActorSchema,
  data: z.unknown(),
  schemaVersion: z.number().int().positive(),
});
export type EventEnvelope<Data = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & { data: Data };
