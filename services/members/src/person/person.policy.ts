import { assertPlatformAdmin, DomainError, type Actor } from '@convergences/contracts';

/** Only platform admins see the list of people and their block state. */
export function assertMayAdministerPeople(actor: Actor | null): asserts actor is Actor {
  assertPlatformAdmin(actor, 'manage people');
}

/** Platform admins block people, never themselves (an admin locked out of writes could not undo it). */
export function assertMayBlock(actor: Actor | null, personId: string): asserts actor is Actor {
  assertMayAdministerPeople(actor);
  if (actor.personId === personId) throw new DomainError('forbidden', 'Administrators cannot block themselves.');
}

/** A signed-in person edits their own profile, unless they are blocked. */
export function assertMayEditProfile(actor: Actor | null, person: { blocked_at: Date | null }): void {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to edit your profile.');
  if (person.blocked_at)
    throw new DomainError('blocked_person', 'Your account is blocked: you cannot change anything.');
}

/** A private profile shows only the nickname and display name, to everybody. */
export function showsFullProfile(visibility: 'public' | 'private'): boolean {
  return visibility === 'public';
}
