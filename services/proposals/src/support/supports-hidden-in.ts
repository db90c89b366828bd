import type { ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';

/** Whether the active phase of the process hides support counts (reads then show `supportsCount: null`). */
export function supportsHiddenIn(snapshot: ParticipationSnapshot | undefined): boolean {
  return snapshot?.rules?.proposals.supportsHidden ?? false;
}

/**
 * Whether support counts are hidden from this caller: the phase hides them from the public, not
 * from those who run the process (collaborators and up, platform admins), who follow the counts
 * in the back office. Asks `processes` only when the phase hides them and someone is signed in.
 */
export async function supportsHiddenFrom(
  services: ServiceClient,
  context: CallContext,
  snapshot: ParticipationSnapshot | undefined,
): Promise<boolean> {
  if (!snapshot || !supportsHiddenIn(snapshot)) return false;
  if (!context.actor) return true;
  const decision = await services.request(
    'processes.permission.check',
    { processId: snapshot.processId, action: 'read_all' },
    context,
  );
  return !decision.allowed;
}
