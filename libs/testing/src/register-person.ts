import type { Actor, Locale, MePerson, RequestOf } from '@convergences/contracts';
import { randomUUID } from 'node:crypto';

/** The little of a request-reply client this needs (a `ServiceClient`), without depending on messaging. */
export interface PersonRegistrar {
  request(
    pattern: 'members.person.ensure',
    body: RequestOf<'members.person.ensure'>,
    context: { actor: Actor | null; requestId: string },
  ): Promise<MePerson>;
}

export interface TestPerson {
  username?: string;
  roles?: string[];
  email?: string | null;
  locale?: Locale;
}

/**
 * Registers a new person through `members.person.ensure`, as the gateway does on first sight of
 * a token, and answers the actor they act as (a fresh subject, so each call is a new person).
 */
export async function registerPerson(
  client: PersonRegistrar,
  context: { actor: Actor | null; requestId: string },
  displayName: string,
  { username = displayName, roles = ['participant'], email = null, locale = 'fr' }: TestPerson = {},
): Promise<Actor> {
  const seen = await client.request(
    'members.person.ensure',
    { subject: `sub-${randomUUID()}`, username, email, displayName, roles, locale },
    context,
  );
  return {
    personId: seen.id,
    subject: seen.subject,
    username: seen.username,
    displayName: seen.displayName,
    roles,
    locale: seen.locale,
  };
}
