import { DomainError, type Actor } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { mayManageOrganization } from '../organization/organization.policy';
import { lockById, type OrganizationRow } from '../organization/organization.repository';
import { findById, findFor, type MembershipRow } from './membership.repository';

/** A membership about to change, read with its organisation locked, and who the actor is to it. */
export interface MembershipUnderChange {
  organization: OrganizationRow;
  membership: MembershipRow;
  /** The actor is the person of the membership. */
  isPerson: boolean;
  /** The actor is an active admin of the organisation, or a platform admin. */
  manages: boolean;
}

/**
 * Locks the membership's organisation (so that changes of one organisation's memberships happen
 * one at a time: the last-admin rule holds under concurrency) and reads the membership again
 * under that lock. Memberships the actor has nothing to do with are not found.
 */
export async function lockMembership(
  trx: Kysely<MembersDatabase>,
  actor: Actor,
  id: string,
): Promise<MembershipUnderChange> {
  const seen = await findById(trx, id);
  const organization = seen ? await lockById(trx, seen.organization_id) : undefined;
  const membership = organization ? await findById(trx, id) : undefined;
  if (!organization || !membership) throw new DomainError('not_found', 'No such membership.');
  const isPerson = membership.person_id === actor.personId;
  const own = isPerson ? membership : await findFor(trx, organization.id, actor.personId);
  const manages = mayManageOrganization(actor, own);
  const public_ = membership.status === 'active' && organization.status === 'verified';
  if (!isPerson && !manages && !public_) throw new DomainError('not_found', 'No such membership.');
  return { organization, membership, isPerson, manages };
}

/** Signed-in callers only. */
export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to do this.');
}
