import { DomainError, hasRealmRole, type Actor, type ProcessRole } from '@convergences/contracts';
import { mayAdminister, mayReadAll, maySeeProcess, type ProcessFrame } from '../access/process-access';
import type { ProcessStanding } from '../access/process-access.repository';

/*
 * Who may do what with a process's roles and invitations (its "access"). A process the actor may
 * not see is not found, whatever they ask of it: private processes stay invisible.
 */

/** Signed-in callers only. */
export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to do this.');
}

/** Whoever reads all of a process (its role holders, platform admins) reads its roles and invitations. */
export function assertMayReadAccess<P extends ProcessFrame>(
  actor: Actor,
  process: P | undefined,
  standing: ProcessStanding,
): asserts process is P {
  assertVisible(actor, process, standing);
  if (!mayReadAll(actor, standing))
    throw new DomainError('forbidden', "Only the process's role holders and platform admins see who takes part in it.");
}

/** Platform admins and the process's admins give and take roles and invitations. */
export function assertMayManageAccess<P extends ProcessFrame>(
  actor: Actor,
  process: P | undefined,
  standing: ProcessStanding,
): asserts process is P {
  assertVisible(actor, process, standing);
  if (!mayAdminister(actor, standing))
    throw new DomainError('forbidden', "Only the process's admins and platform admins give roles and invitations.");
}

/**
 * A process admin may not take away their own admin role while they are its only process admin
 * (they would lock themselves out by mistake); platform admins may remove any role, the last admin
 * included, since they run every process anyway. `processAdmins` is counted with the process locked.
 */
export function assertKeepsAProcessAdmin(
  actor: Actor,
  removal: { personId: string; role: ProcessRole },
  processAdmins: number,
): void {
  const ownAdminRole = removal.role === 'admin' && removal.personId === actor.personId;
  if (ownAdminRole && !hasRealmRole(actor, 'admin') && processAdmins <= 1) {
    throw new DomainError(
      'last_admin',
      'You are the only admin of this process: make someone else admin before giving up the role.',
    );
  }
}

/** A person's roles across processes are read by that person and by platform admins. */
export function assertMaySeeRolesOf(actor: Actor | null, personId: string): void {
  assertSignedIn(actor);
  if (actor.personId !== personId && !hasRealmRole(actor, 'admin'))
    throw new DomainError('forbidden', "Only the person themself and platform admins see a person's process roles.");
}

function assertVisible<P extends ProcessFrame>(
  actor: Actor,
  process: P | undefined,
  standing: ProcessStanding,
): asserts process is P {
  if (!process || !maySeeProcess(actor, process, standing)) throw new DomainError('not_found', 'No such process.');
}
