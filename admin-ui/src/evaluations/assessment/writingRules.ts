import type { Assessment, Campaign, CampaignAssessmentKind, Subject } from '@convergences/contracts';

/*
 * Who writes which assessment of a subject, and when, as the API decides
 * (services/evaluations/src/assessment/assessment.policy.ts): the screens offer what it accepts.
 */

/** The states in which each kind is written: self and peer while open; the committee until the review ends. */
export const writingStates: Record<CampaignAssessmentKind, readonly Campaign['status'][]> = {
  self: ['open'],
  peer: ['open'],
  committee: ['open', 'review'],
};

/** The role on a subject that writes each kind. */
const writerRole = { self: 'member', peer: 'peer', committee: 'committee' } as const;

/** The kinds the caller writes for a subject, by their roles on it, in the order they come. */
export const kindsWrittenBy = (subject: Pick<Subject, 'myRoles'>): CampaignAssessmentKind[] =>
  (['self', 'peer', 'committee'] as const).filter((kind) => subject.myRoles.includes(writerRole[kind]));

export const inWritingWindow = (kind: CampaignAssessmentKind, status: Campaign['status']): boolean =>
  writingStates[kind].includes(status);

/** Whether the caller may change this draft now: their role, their own peer assessment, the campaign's window. */
export function writesAssessment(
  assessment: Pick<Assessment, 'kind' | 'authorId' | 'status'>,
  subject: Pick<Subject, 'myRoles'>,
  campaign: Pick<Campaign, 'status'>,
  personId: string | undefined,
): boolean {
  if (assessment.status !== 'draft' || assessment.kind === 'valuation') return false;
  if (!kindsWrittenBy(subject).includes(assessment.kind)) return false;
  if (assessment.kind === 'peer' && assessment.authorId !== personId) return false;
  return inWritingWindow(assessment.kind, campaign.status);
}
