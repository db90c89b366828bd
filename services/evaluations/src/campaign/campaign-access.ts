import { DomainError, hasRealmRole, type Actor } from '@convergences/contracts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { CampaignsTable, CampaignSubjectsTable } from './campaign.tables';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;
export type CampaignRow = Selectable<CampaignsTable>;
export type SubjectRow = Selectable<CampaignSubjectsTable>;

/*
 * Who someone is to a campaign and to one of its subjects — the facts every rule of campaigns
 * starts from. A subject's assessments are read by its own members, its assigned peers, the
 * committee and the coordinators (and platform admins); nobody else learns they exist.
 */

/** Who is asking, as the rules of one campaign see them. */
export interface CampaignAccess {
  actor: Actor | null;
  /** A platform admin: may do what coordinators do. */
  isAdmin: boolean;
  /** Named coordinator of the campaign: sets it up, assigns peers, moves it through its states. */
  isCoordinator: boolean;
  /** Member of the campaign's committee (commission mixte): reads every subject, gives its opinion. */
  isCommittee: boolean;
}

/** Who is asking, as the rules of one subject of a campaign see them. */
export interface SubjectAccess extends CampaignAccess {
  /** A member (now) of the subject's organisation: writes its self-assessment. */
  isMember: boolean;
  /** Assigned by the coordinators to visit this subject as a peer. */
  isPeer: boolean;
}

/** Runs the campaign: coordinators and platform admins. */
export const coordinates = (access: CampaignAccess): boolean => access.isAdmin || access.isCoordinator;

/** May read everything of every subject: coordinators, platform admins and the committee. */
export const overseesAll = (access: CampaignAccess): boolean => coordinates(access) || access.isCommittee;

/** May read this subject's assessments and results. */
export const mayReadSubject = (access: SubjectAccess): boolean =>
  overseesAll(access) || access.isMember || access.isPeer;

/** Whether someone takes part in the campaign at all (a draft is seen by its coordinators only). */
export const maySeeCampaign = (access: CampaignAccess, campaign: Pick<CampaignRow, 'status'>): boolean =>
  campaign.status !== 'draft' || coordinates(access);

export async function campaignRolesOf(db: Db, campaignId: string, actor: Actor | null): Promise<CampaignAccess> {
  const isAdmin = hasRealmRole(actor, 'admin');
  if (!actor) return { actor, isAdmin, isCoordinator: false, isCommittee: false };
  const roles = await db
    .selectFrom('campaign_people')
    .select('role')
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', actor.personId)
    .execute();
  return {
    actor,
    isAdmin,
    isCoordinator: roles.some((r) => r.role === 'coordinator'),
    isCommittee: roles.some((r) => r.role === 'committee'),
  };
}

export async function findCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A campaign and the actor's access to it; a draft they may not see does not exist for them. */
export async function campaignFor(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ campaign: CampaignRow; access: CampaignAccess }> {
  const campaign = await findCampaign(db, id);
  if (!campaign) throw new DomainError('not_found', 'No such campaign.');
  const access = await campaignRolesOf(db, id, actor);
  if (!maySeeCampaign(access, campaign)) throw new DomainError('not_found', 'No such campaign.');
  return { campaign, access };
}

/** A campaign its coordinators mean to change: 404 unless seen, 403 unless a coordinator. */
export async function campaignToRun(
  db: Db,
  actor: Actor | null,
  id: string,
  doing: string,
): Promise<{ campaign: CampaignRow; access: CampaignAccess }> {
  if (!actor) throw new DomainError('unauthenticated', `Sign in to ${doing}.`);
  const found = await campaignFor(db, actor, id);
  if (!coordinates(found.access)) {
    throw new DomainError('forbidden', `Only the campaign's coordinators ${doing}.`);
  }
  return found;
}

export async function subjectRolesOf(
  db: Db,
  subject: Pick<SubjectRow, 'id' | 'campaign_id' | 'organization_id'>,
  actor: Actor | null,
): Promise<SubjectAccess> {
  const campaign = await campaignRolesOf(db, subject.campaign_id, actor);
  if (!actor) return { ...campaign, isMember: false, isPeer: false };
  const [member, peer] = await Promise.all([
    db
      .selectFrom('organization_members')
      .select('person_id')
      .where('organization_id', '=', subject.organization_id)
      .where('person_id', '=', actor.personId)
      .executeTakeFirst(),
    db
      .selectFrom('peer_assignments')
      .select('person_id')
      .where('subject_id', '=', subject.id)
      .where('person_id', '=', actor.personId)
      .executeTakeFirst(),
  ]);
  return { ...campaign, isMember: !!member, isPeer: !!peer };
}

/**
 * A subject, its campaign and the actor's access; a subject they may not read does not exist
 * for them (404 — not even whether it takes part is told).
 */
export async function subjectFor(
  db: Db,
  actor: Actor | null,
  subjectId: string,
): Promise<{ subject: SubjectRow; campaign: CampaignRow; access: SubjectAccess }> {
  const subject = await db.selectFrom('campaign_subjects').selectAll().where('id', '=', subjectId).executeTakeFirst();
  if (!subject) throw new DomainError('not_found', 'No such subject.');
  const campaign = await findCampaign(db, subject.campaign_id);
  if (!campaign) throw new DomainError('not_found', 'No such subject.');
  const access = await subjectRolesOf(db, subject, actor);
  if (!maySeeCampaign(access, campaign) || !mayReadSubject(access)) {
    throw new DomainError('not_found', 'No such subject.');
  }
  return { subject, campaign, access };
}

/** How someone takes part in a campaign through its subjects: a member of one's organisation, a peer visiting one. */
export interface SubjectTies {
  isMember: boolean;
  isPeer: boolean;
}

export async function subjectTiesOf(db: Db, campaignId: string, actor: Actor | null): Promise<SubjectTies> {
  if (!actor) return { isMember: false, isPeer: false };
  const [member, peer] = await Promise.all([
    db
      .selectFrom('campaign_subjects as s')
      .innerJoin('organization_members as m', 'm.organization_id', 's.organization_id')
      .select('s.id')
      .where('s.campaign_id', '=', campaignId)
      .where('m.person_id', '=', actor.personId)
      .executeTakeFirst(),
    db
      .selectFrom('campaign_subjects as s')
      .innerJoin('peer_assignments as a', 'a.subject_id', 's.id')
      .select('s.id')
      .where('s.campaign_id', '=', campaignId)
      .where('a.person_id', '=', actor.personId)
      .executeTakeFirst(),
  ]);
  return { isMember: !!member, isPeer: !!peer };
}

/** Whether someone takes part in the campaign at all: runs it, oversees it, is assessed in it or visits. */
export const takesPart = (access: CampaignAccess, ties: SubjectTies): boolean =>
  overseesAll(access) || ties.isMember || ties.isPeer;
