import type { Actor } from '../actor';
import { DomainError } from '../errors';

/** Personal data is exported or deleted by the person themself only. */
export function assertIsThePerson(actor: Actor | null, personId: string): void {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to manage your personal data.');
  if (actor.personId !== personId)
    throw new DomainError('forbidden', 'Only the person themself manages their personal data.');
}
