import { DomainError, type Actor } from '@convergences/contracts';
import type { CampaignStatus } from '../campaign/campaign.tables';

/*
 * The rules of progress plans (démarche de progrès): a subject's members and its campaign's
 * coordinators record improvement actions once the campaign's review has begun, and follow them
 * up at any time after; those who took part in reading the subject (its peers, the committee,
 * the coordinators of the lineage's campaigns on it) read them. Pure: the use-cases load the
 * facts and call these.
 */

/** Who is asking, as the rules of one organisation's actions see them. */
export interface ProgressAccess {
  actor: Actor | null;
  isAdmin: boolean;
  /** A member (now) of the organisation the action is for. */
  isMember: boolean;
  /** A coordinator of the campaign the action is (or is to be) recorded in. */
  isCoordinator: boolean;
  /** May read the organisation's actions at all (members, coordinators, committee, assigned peers, admins). */
  mayRead: boolean;
}

export function assertSignedIn(actor: Actor | null, doing: string): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
}

/** Actions are written by the organisation's members and the coordinators (and platform admins). */
export function mayWrite(access: ProgressAccess): boolean {
  return access.isAdmin || access.isMember || access.isCoordinator;
}

/** 404 to whoever may not read the organisation's actions, 403 to a reader who may not write. */
export function assertMayWrite(access: ProgressAccess, doing: string): void {
  assertSignedIn(access.actor, doing);
  if (!access.mayRead && !mayWrite(access)) throw new DomainError('not_found', 'No such progress action.');
  if (!mayWrite(access)) {
    throw new DomainError('forbidden', `Only the organisation’s members and the campaign’s coordinators ${doing}.`);
  }
}

/** Actions follow the review: they are recorded once the campaign is in review or closed. */
export function assertAfterReview(status: CampaignStatus): void {
  if (status !== 'review' && status !== 'closed') {
    throw new DomainError(
      'campaign_state',
      `This campaign is ${status}: progress actions are recorded once it is in review or closed.`,
      { status },
    );
  }
}
