import {
  DomainError,
  reportReasons,
  type Actor,
  type ModerationState,
  type ReportableType,
  type ReportReason,
} from '@convergences/contracts';

/*
 * The rules of moderation, without I/O: who may report what, when reports hide a resource, what
 * a moderator's decision changes. `processes` answers who moderates a process.
 */

/** A moderation as the rules see it. */
export interface ModerationFacts {
  resource_type: ReportableType;
  author_id: string | null;
  reports_count: number;
  hidden_at: Date | null;
  hidden_cause: 'reports' | 'moderator' | 'block' | null;
}

export function assertSignedIn(actor: Actor | null, doing: string): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
}

/** Anyone signed in reports what they can see, except their own content and themselves. */
export function assertMayReport(
  actor: Actor,
  resource: { resourceType: ReportableType; resourceId: string; authorId: string | null },
): void {
  const own =
    resource.resourceType === 'person' ? resource.resourceId === actor.personId : resource.authorId === actor.personId;
  if (own) throw new DomainError('forbidden', 'You cannot report your own content, nor yourself.');
}

/** Reports hide a resource once they reach the threshold, unless it is hidden already; people are blocked, not hidden. */
export function reachesThreshold(moderation: ModerationFacts, threshold: number): boolean {
  return (
    moderation.resource_type !== 'person' && moderation.hidden_at === null && moderation.reports_count >= threshold
  );
}

export function moderationStateOf(moderation: Pick<ModerationFacts, 'hidden_at' | 'reports_count'>): ModerationState {
  if (moderation.hidden_at) return 'hidden';
  return moderation.reports_count > 0 ? 'reported' : 'cleared';
}

/** The reasons reported, the most frequent first (ties in the contract's order). */
export function reasonsByFrequency(counts: Record<ReportReason, number>): ReportReason[] {
  return reportReasons.filter((reason) => counts[reason] > 0).sort((a, b) => counts[b] - counts[a]);
}

/** What a moderator's hiding changes: nothing when they hid it already; otherwise it becomes theirs. */
export function hidingChanges(moderation: ModerationFacts): boolean {
  if (moderation.resource_type === 'person') {
    throw new DomainError('bad_request', 'A person is not hidden: platform administrators block them.');
  }
  return moderation.hidden_cause !== 'moderator';
}

/** What showing again changes: nothing when it is shown. */
export function showingChanges(moderation: ModerationFacts): boolean {
  return moderation.hidden_at !== null;
}

/** Dismissing changes something when reports are pending; it shows again what the reports alone had hidden. */
export function dismissalOf(moderation: ModerationFacts): { changes: boolean; shows: boolean } {
  return { changes: moderation.reports_count > 0, shows: moderation.hidden_cause === 'reports' };
}
