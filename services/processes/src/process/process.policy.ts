import { DomainError, hasRealmRole, type Actor, type ProcessStatus } from '@convergences/contracts';

/** Only platform admins create processes (process admins arrive with process roles). */
export function assertMayCreateProcess(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to create a process.');
  if (!hasRealmRole(actor, 'admin'))
    throw new DomainError('forbidden', 'Only platform administrators create processes.');
}

/** Only platform admins publish processes. */
export function assertMayPublishProcess(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to publish a process.');
  if (!hasRealmRole(actor, 'admin'))
    throw new DomainError('forbidden', 'Only platform administrators publish processes.');
}

/** Drafts are seen by platform admins only; published processes by everyone. */
export function maySeeProcess(actor: Actor | null, status: ProcessStatus): boolean {
  return status === 'published' || hasRealmRole(actor, 'admin');
}
