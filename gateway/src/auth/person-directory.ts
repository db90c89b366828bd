import { localeSchema, type Actor, type Locale, type MePerson } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { VerifiedToken } from './token-verifier';

const realmRoles = new Set(['participant', 'admin']);

/**
 * Finds the person behind a verified token (registering them in `members` on first sight) and
 * remembers them for a short while, so most requests cost no extra round trip.
 */
export class PersonDirectory {
  private readonly cache = new Map<string, { person: MePerson; rolesKey: string; expiresAt: number }>();

  constructor(
    private readonly services: ServiceClient,
    private readonly cacheMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async actorFor(token: VerifiedToken, requestId: string, preferredLocale: Locale): Promise<Actor> {
    const roles = token.realmRoles.filter((role) => realmRoles.has(role)).sort();
    const rolesKey = roles.join(',');
    const cached = this.cache.get(token.subject);
    let person = cached && cached.expiresAt > Date.now() && cached.rolesKey === rolesKey ? cached.person : undefined;
    if (!person) {
      const locale = localeSchema.safeParse(token.locale).data ?? preferredLocale;
      person = await this.services.request(
        'members.person.ensure',
        {
          subject: token.subject,
          username: token.username,
          email: token.email,
          displayName: token.name,
          roles,
          locale,
        },
        { actor: null, requestId },
      );
      if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(token.subject, { person, rolesKey, expiresAt: Date.now() + this.cacheMs });
    }
    return {
      personId: person.id,
      subject: token.subject,
      username: person.username,
      displayName: person.displayName,
      roles,
      locale: person.locale,
    };
  }
}
