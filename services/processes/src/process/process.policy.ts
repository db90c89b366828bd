import { assertPlatformAdmin, DomainError, type Actor, type ParticipationSettings } from '@convergences/contracts';
import { mayAdminister } from '../access/process-access';
import type { ProcessStanding } from '../access/process-access.repository';

/** Only platform admins open new processes; process admins are named in a process once it exists. */
export function assertMayCreateProcess(actor: Actor | null): asserts actor is Actor {
  assertPlatformAdmin(actor, 'create processes');
}

/** Platform admins and the process's admins edit, publish, close and copy it. */
export function assertMayAdministerProcess(
  actor: Actor | null,
  standing: ProcessStanding,
  what = 'change this process',
): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${what}.`);
  if (!mayAdminister(actor, standing))
    throw new DomainError('forbidden', `Only platform administrators and this process's admins may ${what}.`);
}

/** A required verification is checked in the process's territory: without one it cannot be checked. */
export function assertVerificationsCheckable(settings: ParticipationSettings, territoryId: string | null): void {
  const actions = Object.keys(settings.requiredVerifications);
  if (actions.length > 0 && !territoryId) {
    throw new DomainError('validation_failed', 'The process is invalid.', undefined, [
      {
        path: 'settings.requiredVerifications',
        message: 'a process without a territory cannot require a verification: give it a territory first',
      },
    ]);
  }
}

/** A closed process is read only: nothing of it changes any more. */
export function assertNotClosed(status: string): void {
  if (status === 'closed') throw new DomainError('process_closed', 'This process is closed: it can no longer change.');
}
