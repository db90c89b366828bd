import { z } from 'zod';
import { localeSchema } from '../actor';

export const personSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  roles: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Person = z.infer<typeof personSchema>;

/** The signed-in person as they see themself: their profile plus what only they may read. */
export const mePersonSchema = personSchema.extend({
  subject: z.string(),
  email: z.string().nullable(),
});
export type MePerson = z.infer<typeof mePersonSchema>;

/** Sent by the gateway on every sight of a verified token: find the person, or register them. */
export const ensurePersonRequestSchema = z.object({
  subject: z.string().min(1).max(255),
  username: z.string().min(1).max(255),
  email: z.string().max(320).nullable(),
  displayName: z.string().max(255).nullable(),
  roles: z.array(z.string().max(100)).max(100),
  locale: localeSchema,
});
export type EnsurePersonRequest = z.infer<typeof ensurePersonRequestSchema>;

export const getPersonRequestSchema = z.object({ id: z.uuid() });

export const personRegisteredSchema = z.object({
  personId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: localeSchema,
});
