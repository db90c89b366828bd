import type { Actor } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { randomUUID } from 'node:crypto';

/**
 * Registers a new person through `members.person.ensure`, as the gateway does on first sight of
 * a token, and answers the actor they act as (a fresh subject, so each call is a new person).
 */
export async function registerPerson(
  client: ServiceClient,
  context: CallContext,
  displayName: string,
  {
    username = displayName,
    roles = ['participant'],
    email = null,
  }: { username?: string; roles?: string[]; email?: string | null } = {},
): Promise<Actor> {
  const seen = await client.request(
    'members.person.ensure',
    { subject: `sub-${randomUUID()}`, username, email, displayName, roles, locale: 'fr' },
    context,
  );
  return {
    personId: seen.id,
    subject: seen.subject,
    username: seen.username,
    displayName: seen.displayName,
    roles,
    locale: 'fr',
  };
}
