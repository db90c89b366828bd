import {
  assertPlatformAdmin,
  DomainError,
  hasRealmRole,
  type Actor,
  type MembershipRole,
  type MembershipStatus,
  type OrganizationStatus,
} from '@convergences/contracts';

/** The actor's membership in an organisation, if any. */
export interface ActorMembership {
  role: MembershipRole;
  status: MembershipStatus;
}

const isActiveAdmin = (membership: ActorMembership | undefined) =>
  membership?.status === 'active' && membership.role === 'admin';

/** Any signed-in participant may propose an organisation. */
export function assertMayCreateOrganization(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to propose an organisation.');
  if (!hasRealmRole(actor, 'participant') && !hasRealmRole(actor, 'admin'))
    throw new DomainError('forbidden', 'Only participants propose organisations.');
}

/** An organisation is managed by its admins and by platform admins. */
export function mayManageOrganization(actor: Actor | null, membership: ActorMembership | undefined): boolean {
  return hasRealmRole(actor, 'admin') || isActiveAdmin(membership);
}

export function assertMayManageOrganization(
  actor: Actor | null,
  membership: ActorMembership | undefined,
): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to manage an organisation.');
  if (!mayManageOrganization(actor, membership))
    throw new DomainError('forbidden', "Only the organisation's admins and platform administrators may do this.");
}

/** Only platform admins verify organisations. */
export function assertMayVerifyOrganization(actor: Actor | null): asserts actor is Actor {
  assertPlatformAdmin(actor, 'verify organisations');
}

/** Verified organisations are public; pending ones are seen by their members (and invitees) and platform admins. */
export function maySeeOrganization(
  actor: Actor | null,
  status: OrganizationStatus,
  membership: ActorMembership | undefined,
): boolean {
  return (
    status === 'verified' ||
    hasRealmRole(actor, 'admin') ||
    membership?.status === 'active' ||
    membership?.status === 'invited'
  );
}
