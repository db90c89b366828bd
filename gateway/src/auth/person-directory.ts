import { localeSchema, type Actor, type Locale, type MePerson } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import type { VerifiedToken } from './token-verifier';

const realmRoles = new Set(['participant', 'admin']);

/** Who is calling, and whether they are blocked (blocked people may read, not write). */
export interface Caller {
  actor: Actor;
  blocked: boolean;
}

/**
 * Finds the person behind a verified token (registering them in `members` on first sight) and
 * remembers them for a short while, so most requests cost no extra round trip. A person whose
 * block state or profile changes is forgotten at once (see `PersonCacheEvictions`).
 */
export class PersonDirectory {
  private readonly cache = new Map<string, { person: MePerson; rolesKey: string; expiresAt: number }>();

  constructor(
    private readonly services: ServiceClient,
    private readonly cacheMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async callerFor(token: VerifiedToken, requestId: string, preferredLocale: Locale): Promise<Caller> {
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
      actor: {
        personId: person.id,
        subject: token.subject,
        username: person.username,
        displayName: person.displayName,
        roles,
        locale: person.locale,
      },
      blocked: person.blocked,
    };
  }

  /** Forgets a person, so that their next request asks `members` again. */
  forget(personId: string): void {
    for (const [subject, entry] of this.cache) {
      if (entry.person.id === personId) this.cache.delete(subject);
    }
  }
}
