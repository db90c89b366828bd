import { z } from 'zod';
import { DomainError } from './errors';

export const realmRoleSchema = z.enum(['participant', 'admin']);
export type RealmRole = z.infer<typeof realmRoleSchema>;

export const localeSchema = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** Who is acting: set by the gateway from a verified token, trusted by services as is. */
export const actorSchema = z.object({
  personId: z.uuid(),
  subject: z.string().min(1),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  locale: localeSchema,
});
export type Actor = z.infer<typeof actorSchema>;

/** Whether the actor holds a realm role. */
export function hasRealmRole(actor: Actor | null | undefined, role: RealmRole): boolean {
  return !!actor && actor.roles.includes(role);
}

/**
 * Lets platform administrators through: asks anonymous callers to sign in, refuses everybody
 * else. `doing` completes "Sign in to …" and "Only platform administrators …", e.g. `manage themes`.
 */
export function assertPlatformAdmin(actor: Actor | null, doing: string): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
  if (!hasRealmRole(actor, 'admin')) throw new DomainError('forbidden', `Only platform administrators ${doing}.`);
}
