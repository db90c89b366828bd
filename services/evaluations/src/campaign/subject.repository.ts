import type { Subject } from '@convergences/contracts';
import { fetchPage } from '@convergences/database';
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { overseesAll, type CampaignAccess, type SubjectRow } from './campaign-access';
import { rolesOf } from './campaign.policy';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;
type Progress = 'none' | 'draft' | 'submitted';

/** A subject with where its assessments stand, and who the reader is to it. */
export type SubjectView = SubjectRow & {
  self_status: Progress;
  committee_status: Progress;
  peers_submitted: number;
  peers_assigned: number;
  is_member: boolean;
  is_peer: boolean;
};

const memberOf = (readerId: string | null) =>
  readerId
    ? sql<boolean>`exists (select 1 from organization_members m
        where m.organization_id = s.organization_id and m.person_id = ${readerId})`
    : sql<boolean>`false`;
const peerOf = (readerId: string | null) =>
  readerId
    ? sql<boolean>`exists (select 1 from peer_assignments a where a.subject_id = s.id and a.person_id = ${readerId})`
    : sql<boolean>`false`;
const statusOf = (kind: 'self' | 'committee') =>
  sql<Progress>`coalesce((select x.status from assessments x where x.subject_id = s.id and x.kind = ${kind}), 'none')`;

function subjectsSeenBy(db: Db, readerId: string | null) {
  return db
    .selectFrom('campaign_subjects as s')
    .selectAll('s')
    .select([
      statusOf('self').as('self_status'),
      statusOf('committee').as('committee_status'),
      sql<number>`(select count(*)::int from assessments x
        where x.subject_id = s.id and x.kind = 'peer' and x.status = 'submitted')`.as('peers_submitted'),
      sql<number>`(select count(*)::int from peer_assignments a where a.subject_id = s.id)`.as('peers_assigned'),
      memberOf(readerId).as('is_member'),
      peerOf(readerId).as('is_peer'),
    ]);
}

export async function subjectView(db: Db, id: string, readerId: string | null): Promise<SubjectView | undefined> {
  return subjectsSeenBy(db, readerId).where('s.id', '=', id).executeTakeFirst();
}

/**
 * A page of a campaign's subjects: all of them for those who oversee it, else those the reader
 * is a member of or visits (none for anyone else).
 */
export async function listSubjectRows(
  db: Db,
  campaignId: string,
  readerId: string | null,
  everything: boolean,
  request: { sort: 'name' | 'recent'; page: number; perPage: number },
): Promise<{ rows: SubjectView[]; total: number }> {
  const readable = everything ? sql<SqlBool>`true` : sql<SqlBool>`(${memberOf(readerId)} or ${peerOf(readerId)})`;
  let page = subjectsSeenBy(db, readerId).where('s.campaign_id', '=', campaignId).where(readable);
  page =
    request.sort === 'name'
      ? page.orderBy(sql`fold_text(s.name)`).orderBy('s.id')
      : page.orderBy('s.added_at', 'desc').orderBy('s.id', 'desc');
  const total = db
    .selectFrom('campaign_subjects as s')
    .where('s.campaign_id', '=', campaignId)
    .where(readable)
    .select((eb) => eb.fn.countAll<number>().as('total'));
  return fetchPage(page, total, request);
}

/** The assigned peers of some subjects, with their names, in the order they were assigned. */
export async function peersOf(db: Db, subjectIds: string[]) {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom('peer_assignments as a')
    .leftJoin('authors as n', 'n.person_id', 'a.person_id')
    .select(['a.subject_id', 'a.person_id', 'a.assigned_by', 'a.assigned_at', 'n.display_name'])
    .where('a.subject_id', 'in', subjectIds)
    .orderBy('a.assigned_at')
    .orderBy('a.person_id')
    .execute();
  return rows.map((row) => ({
    subjectId: row.subject_id,
    personId: row.person_id,
    name: row.display_name ?? '',
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at.toISOString(),
  }));
}

/**
 * Subjects as the reader sees them: the peers' names only to those who oversee the campaign and to
 * the subject's own members (a peer does not learn who else visits).
 */
export async function toSubjects(db: Db, rows: SubjectView[], access: CampaignAccess): Promise<Subject[]> {
  const told = rows.filter((row) => overseesAll(access) || row.is_member).map((row) => row.id);
  const peers = await peersOf(db, told);
  return rows.map((row) => ({
    id: row.id,
    campaignId: row.campaign_id,
    organizationId: row.organization_id,
    name: row.name,
    shownInResults: row.shown_in_results,
    peers: told.includes(row.id)
      ? peers.filter((p) => p.subjectId === row.id).map((p) => ({ personId: p.personId, name: p.name }))
      : null,
    myRoles: rolesOf(access, { isMember: row.is_member, isPeer: row.is_peer }),
    progress: {
      self: row.self_status,
      peersSubmitted: row.peers_submitted,
      peersAssigned: row.peers_assigned,
      committee: row.committee_status,
    },
    addedAt: row.added_at.toISOString(),
  }));
}

/** One subject as the reader sees it now (inside the caller's transaction, if any). */
export async function subjectNow(db: Db, id: string, access: CampaignAccess): Promise<Subject> {
  const row = (await subjectView(db, id, access.actor?.personId ?? null))!;
  return (await toSubjects(db, [row], access))[0];
}
