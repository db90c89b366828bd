import { DomainError, hasRealmRole, type Actor } from '@convergences/contracts';

/** Territories are read by everyone; only platform admins create and change them. */
export function assertMayManageTerritories(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to manage territories.');
  if (!hasRealmRole(actor, 'admin'))
    throw new DomainError('forbidden', 'Only platform administrators manage territories.');
}
