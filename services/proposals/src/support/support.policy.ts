import {
  assertAllowed,
  DomainError,
  type Actor,
  type ParticipationSettings,
  type PermissionDecision,
  type ProposalState,
} from '@convergences/contracts';

/** The limits of a process on supports, `0` meaning "none" for each. */
export interface SupportLimits {
  /** Supports a person may give in the process. */
  quota: number;
  /** Supports a person must give before any of theirs count. */
  minimum: number;
  /** Counted supports a proposal may hold: the threshold when supports may not go beyond it. */
  cap: number;
}

/** What a support needs to know of the proposal it goes to. */
export interface SupportTarget {
  id: string;
  state: ProposalState;
  answerState: string | null;
  answerPublished: boolean;
  supportsCount: number;
}

export function supportLimitsOf(settings: ParticipationSettings): SupportLimits {
  return {
    quota: settings.supportQuota,
    minimum: settings.minimumSupportsPerPerson,
    cap: settings.supportThreshold > 0 && !settings.supportsBeyondThreshold ? settings.supportThreshold : 0,
  };
}

/** A person's supports count once they have given the minimum, all of them; before, all are pending. */
export function supportsCountAt(given: number, limits: SupportLimits): boolean {
  return given >= limits.minimum;
}

/**
 * A signed-in participant supports (or takes a support back) when the process allows it now:
 * `processes` decides (phase opens supports and does not freeze them, invitation, verification,
 * block), and its refusal becomes the problem the person is shown.
 */
export function assertMaySupport(actor: Actor | null, decision: PermissionDecision): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to support a proposal.');
  assertAllowed(decision);
}

/**
 * Only a published proposal takes supports: not a withdrawn one, nor one whose official answer
 * rejects it once that answer is published (a held answer is not yet the authority's word), nor
 * one whose counted supports reached the cap.
 */
export function assertTakesSupports(proposal: SupportTarget, limits: SupportLimits): void {
  if (proposal.state === 'withdrawn') {
    throw new DomainError('proposal_withdrawn', 'This proposal was withdrawn by its author: it takes no supports.', {
      proposalId: proposal.id,
    });
  }
  if (proposal.state !== 'published') throw new DomainError('not_found', 'No such proposal.');
  if (proposal.answerState === 'rejected' && proposal.answerPublished) {
    throw new DomainError('proposal_rejected', 'This proposal was rejected: it takes no supports.', {
      proposalId: proposal.id,
    });
  }
  if (limits.cap > 0 && proposal.supportsCount >= limits.cap) throw thresholdReached([proposal.id], limits);
}

export function quotaReached(limits: SupportLimits): DomainError {
  return new DomainError(
    'quota_reached',
    `You have given the ${limits.quota} supports this process allows each person: take one back to support another.`,
    { quota: limits.quota },
  );
}

/** `proposalIds`: the proposal asked for, or the ones among the person's pending supports that are full. */
export function thresholdReached(proposalIds: string[], limits: SupportLimits, ofPending = false): DomainError {
  const message = ofPending
    ? `With this support all of yours would count, but a proposal among them has the ${limits.cap} supports it needs and the process takes none beyond: take that support back first.`
    : `This proposal has the ${limits.cap} supports it needs, and the process takes none beyond.`;
  return new DomainError('threshold_reached', message, { threshold: limits.cap, proposalIds });
}

export function alreadySupported(proposalId: string): DomainError {
  return new DomainError('already_supported', 'You already support this proposal.', { proposalId });
}
