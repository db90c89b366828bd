import { DomainError, type Actor, type CampaignAssessmentKind } from '@convergences/contracts';
import { mayReadSubject, type SubjectAccess } from '../campaign/campaign-access';
import type { CampaignStatus } from '../campaign/campaign.tables';

/*
 * Who writes a campaign's assessments, and when. The self-assessment (auto-évaluation) is the
 * subject's: any of its members writes it, one per subject. Each assigned peer writes their own
 * (regards croisés). The committee (commission mixte) writes one opinion per subject together.
 * Coordinators run the campaign but write none.
 */

export function assertSignedIn(actor: Actor | null, doing: string): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
}

/** The states in which each kind is written: self and peer while open; the committee until the review ends. */
export const writingStates: Record<CampaignAssessmentKind, readonly CampaignStatus[]> = {
  self: ['open'],
  peer: ['open'],
  committee: ['open', 'review'],
};

const kindNames: Record<CampaignAssessmentKind, string> = {
  self: 'Self-assessments',
  peer: 'Peer assessments',
  committee: "The committee's opinions",
};

const statePhrases: Record<CampaignStatus, string> = {
  draft: 'a draft',
  open: 'open',
  review: 'in review',
  closed: 'closed',
};

/** Refuses a write out of the kind's window: 409 `campaign_state`, with the campaign's state. */
export function assertWritingWindow(kind: CampaignAssessmentKind, status: CampaignStatus): void {
  const states = writingStates[kind];
  if (!states.includes(status)) {
    throw new DomainError(
      'campaign_state',
      `${kindNames[kind]} are written while the campaign is ${states.map((s) => statePhrases[s]).join(' or ')}; ` +
        `it is ${statePhrases[status]}.`,
      { status },
    );
  }
}

/** Whether someone writes an assessment of this kind for the subject (a peer: only their own, `authorId`). */
export function mayWrite(kind: CampaignAssessmentKind, access: SubjectAccess, authorId?: string | null): boolean {
  switch (kind) {
    case 'self':
      return access.isMember;
    case 'peer':
      return access.isPeer && (authorId === undefined || authorId === access.actor?.personId);
    case 'committee':
      return access.isCommittee;
  }
}

const writers: Record<CampaignAssessmentKind, string> = {
  self: "Only the subject's members write its self-assessment.",
  peer: 'Only the peer assigned to this subject writes their peer assessment.',
  committee: "Only the campaign's committee writes its opinion.",
};

/**
 * Refuses someone who does not write this assessment: 403 when they may read the subject, 404
 * otherwise (they do not learn it exists). `authorId`: a peer assessment's author.
 */
export function assertMayWrite(kind: CampaignAssessmentKind, access: SubjectAccess, authorId?: string | null): void {
  if (mayWrite(kind, access, authorId)) return;
  if (!mayReadSubject(access)) throw new DomainError('not_found', 'No such subject.');
  throw new DomainError('forbidden', writers[kind]);
}
