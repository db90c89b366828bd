import type { ParticipationSnapshot } from '@convergences/contracts';

/** Whether the active phase of the process hides support counts (reads then show `supportsCount: null`). */
export function supportsHiddenIn(snapshot: ParticipationSnapshot | undefined): boolean {
  return snapshot?.rules?.proposals.supportsHidden ?? false;
}
