import { DomainError, type FieldError, type MyCampaignRole } from '@convergences/contracts';
import type { CampaignAccess, SubjectAccess } from './campaign-access';
import type { CampaignStatus } from './campaign.tables';

/*
 * The rules of campaigns: which state allows what, how a campaign moves through its states, who
 * may be named, who visits whom. Pure: the use-cases load the facts and call these.
 */

/** The one next state of each state; `closed` is the end. */
const nextStatus: Record<CampaignStatus, CampaignStatus | null> = {
  draft: 'open',
  open: 'review',
  review: 'closed',
  closed: null,
};

function refuseInState(status: CampaignStatus, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('campaign_state', message, { status, ...details });
}

/** A closed campaign is the record of what was assessed: nothing of it changes any more. */
export function assertNotClosed(status: CampaignStatus): void {
  if (status === 'closed') refuseInState(status, 'This campaign is closed: nothing of it changes any more.');
}

/** Setting up (subjects, peers, period, stakeholders' criteria) is done while the campaign is draft or open. */
export function assertSettingUp(status: CampaignStatus, doing: string): void {
  if (status !== 'draft' && status !== 'open') {
    refuseInState(status, `This campaign is ${status}: ${doing} only while it is draft or open.`);
  }
}

/** What is undone only before anyone started assessing. */
export function assertCampaignDraft(status: CampaignStatus, doing: string): void {
  if (status !== 'draft') refuseInState(status, `This campaign is ${status}: ${doing} only while it is a draft.`);
}

/** A campaign moves one state forward at a time: draft → open → review → closed. */
export function assertTransition(status: CampaignStatus, to: CampaignStatus): void {
  if (nextStatus[status] !== to) {
    const next = nextStatus[status];
    refuseInState(
      status,
      next
        ? `This campaign is ${status}: it moves to ${next} next, not to ${to}.`
        : `This campaign is closed: it moves no further.`,
      { to },
    );
  }
}

/** A campaign opens with a subject at least: there would be nothing to assess. */
export function assertOpensWithSubjects(subjectsCount: number): void {
  if (subjectsCount === 0) {
    throw new DomainError('validation_failed', 'A campaign opens with one subject at least.', undefined, [
      { path: 'to', message: 'Add the organisations the campaign assesses before opening it.' },
    ]);
  }
}

/** The period: it ends on or after the day it starts. */
export function periodErrors(startsOn: string, endsOn: string): FieldError[] {
  return endsOn >= startsOn ? [] : [{ path: 'endsOn', message: 'The campaign ends on or after the day it starts.' }];
}

/**
 * The stakeholders' questionnaire asks about criteria of the campaign's version that a stranger
 * can answer: with a level scale or a yes/no indicator at least. `askable` maps those criteria;
 * `known` holds every criterion of the version.
 */
export function stakeholderCriteriaErrors(ids: string[], known: Set<string>, askable: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    const path = `stakeholderCriteria.${i}`;
    if (seen.has(id)) errors.push({ path, message: `${id} is listed twice.` });
    else if (!known.has(id)) errors.push({ path, message: `${id} is not a criterion of this campaign’s framework.` });
    else if (!askable.has(id)) {
      errors.push({
        path,
        message: `Criterion ${id} has no level scale or yes/no indicator: stakeholders have nothing to answer on it.`,
      });
    }
    seen.add(id);
  });
  return errors;
}

/** A campaign always has a coordinator: the last one is not removed (platform admins name another first). */
export function assertKeepsACoordinator(role: string, coordinatorsLeft: number): void {
  if (role === 'coordinator' && coordinatorsLeft === 0) {
    throw new DomainError('conflict', 'This is the campaign’s last coordinator: name another one first.');
  }
}

/** No one visits their own organisation as a peer (a visite de pairs is a view from elsewhere). */
export function assertNotOwnOrganization(isMember: boolean): void {
  if (isMember) {
    throw new DomainError(
      'own_organization',
      'This person is a member of the organisation assessed: peers come from other organisations.',
    );
  }
}

/** A peer who submitted their assessment stays assigned: what they said is part of the record. */
export function assertMayUnassign(peerAssessmentStatus: 'draft' | 'submitted' | undefined): void {
  if (peerAssessmentStatus === 'submitted') {
    throw new DomainError(
      'assessment_submitted',
      'This peer has submitted their assessment of this subject: they stay assigned.',
    );
  }
}

/** The subject's consent to be named in results is given by its organisation's admins, or the coordinators. */
export function assertMayConsent(access: SubjectAccess, isOrganizationAdmin: boolean): void {
  if (!access.actor) throw new DomainError('unauthenticated', 'Sign in to answer for an organisation.');
  if (!isOrganizationAdmin && !access.isAdmin && !access.isCoordinator) {
    throw new DomainError(
      'forbidden',
      'Only the organisation’s admins and the campaign’s coordinators say whether it is named in the results.',
    );
  }
}

/** The caller's roles, as lists show them. */
export function rolesOf(access: CampaignAccess, ties: { isMember: boolean; isPeer: boolean }): MyCampaignRole[] {
  const roles: MyCampaignRole[] = [];
  if (access.isCoordinator) roles.push('coordinator');
  if (access.isCommittee) roles.push('committee');
  if (ties.isMember) roles.push('member');
  if (ties.isPeer) roles.push('peer');
  return roles;
}
