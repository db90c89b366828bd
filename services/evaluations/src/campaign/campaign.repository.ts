import type { Campaign, CampaignPerson, CampaignStatusValue } from '@convergences/contracts';
import { fetchPage } from '@convergences/database';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { CampaignRow } from './campaign-access';
import { rolesOf } from './campaign.policy';
import type { CampaignRole, CampaignsTable } from './campaign.tables';

type Db = Kysely<EvaluationsDatabase> | Transaction<EvaluationsDatabase>;

/** A campaign with its version's number, its size, and who the reader is to it. */
export type CampaignView = CampaignRow & {
  framework_version: number;
  subjects_count: number;
  is_coordinator: boolean;
  is_committee: boolean;
  is_member: boolean;
  is_peer: boolean;
};

const no = sql<boolean>`false`;

/** Who the reader is to each campaign: named (coordinator, committee), member of a subject, peer of a subject. */
function ties(readerId: string | null) {
  if (!readerId) return { coordinator: no, committee: no, member: no, peer: no };
  const named = (role: CampaignRole) =>
    sql<boolean>`exists (select 1 from campaign_people p
      where p.campaign_id = campaigns.id and p.person_id = ${readerId} and p.role = ${role})`;
  return {
    coordinator: named('coordinator'),
    committee: named('committee'),
    member: sql<boolean>`exists (select 1 from campaign_subjects s
      join organization_members m on m.organization_id = s.organization_id
      where s.campaign_id = campaigns.id and m.person_id = ${readerId})`,
    peer: sql<boolean>`exists (select 1 from campaign_subjects s
      join peer_assignments a on a.subject_id = s.id
      where s.campaign_id = campaigns.id and a.person_id = ${readerId})`,
  };
}

/** Campaigns as a reader sees them (`null`: anonymous). */
export function campaignsSeenBy(db: Db, readerId: string | null) {
  const of = ties(readerId);
  return db
    .selectFrom('campaigns')
    .innerJoin('frameworks', 'frameworks.id', 'campaigns.framework_id')
    .selectAll('campaigns')
    .select([
      'frameworks.version as framework_version',
      sql<number>`(select count(*)::int from campaign_subjects s where s.campaign_id = campaigns.id)`.as(
        'subjects_count',
      ),
      of.coordinator.as('is_coordinator'),
      of.committee.as('is_committee'),
      of.member.as('is_member'),
      of.peer.as('is_peer'),
    ]);
}

export async function campaignView(db: Db, id: string, readerId: string | null): Promise<CampaignView | undefined> {
  return campaignsSeenBy(db, readerId).where('campaigns.id', '=', id).executeTakeFirst();
}

/** Locks a campaign for a change: state changes, updates and the people's changes take it first. */
export async function lockCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateCampaignRow(db: Db, id: string, change: Updateable<CampaignsTable>): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The lineage's campaign closed last, if any: the one the next campaign measures progress from. */
export async function lastClosedOf(db: Db, lineageId: string): Promise<string | null> {
  const row = await db
    .selectFrom('campaigns')
    .select('id')
    .where('lineage_id', '=', lineageId)
    .where('status', '=', 'closed')
    .orderBy(sql`closed_at desc nulls last`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function subjectsCountOf(db: Db, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('campaign_subjects')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function toCampaign(row: CampaignView): Campaign {
  const myRoles = rolesOf(
    { actor: null, isAdmin: false, isCoordinator: row.is_coordinator, isCommittee: row.is_committee },
    { isMember: row.is_member, isPeer: row.is_peer },
  );
  return {
    id: row.id,
    frameworkId: row.framework_id,
    lineageId: row.lineage_id,
    frameworkVersion: row.framework_version,
    title: row.title,
    description: row.description,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    previousCampaignId: row.previous_campaign_id,
    subjectsCount: row.subjects_count,
    stakeholderCriteria: row.stakeholder_criteria,
    myRoles,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    openedAt: row.opened_at?.toISOString() ?? null,
    reviewAt: row.review_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/** A campaign as the reader sees it now (inside the caller's transaction, if any). */
export async function campaignNow(db: Db, id: string, readerId: string | null): Promise<Campaign> {
  return toCampaign((await campaignView(db, id, readerId))!);
}

export interface CampaignFilters {
  /** Platform admins: drafts too. */
  everything: boolean;
  readerId: string | null;
  status?: CampaignStatusValue;
  /** Only the campaigns the reader has a role in. */
  mine?: boolean;
}

function matching(filters: CampaignFilters): Expression<SqlBool> {
  const of = ties(filters.readerId);
  const conditions: Expression<SqlBool>[] = [];
  if (!filters.everything) conditions.push(sql<SqlBool>`(campaigns.status <> 'draft' or ${of.coordinator})`);
  if (filters.status) conditions.push(sql<SqlBool>`campaigns.status = ${filters.status}`);
  if (filters.mine) conditions.push(sql<SqlBool>`(${of.coordinator} or ${of.committee} or ${of.member} or ${of.peer})`);
  return conditions.length ? sql<SqlBool>`${sql.join(conditions, sql` and `)}` : sql<SqlBool>`true`;
}

export type CampaignOrder = 'recent' | 'title' | 'starts';

function orderOf(sort: CampaignOrder) {
  switch (sort) {
    case 'title':
      return [sql`fold_text(campaigns.title->>'fr')`, sql`campaigns.id`];
    case 'starts':
      return [sql`campaigns.starts_on`, sql`campaigns.id`];
    case 'recent':
      return [sql`campaigns.created_at desc`, sql`campaigns.id desc`];
  }
}

export async function listCampaignRows(
  db: Db,
  filters: CampaignFilters,
  request: { sort: CampaignOrder; page: number; perPage: number },
): Promise<{ rows: CampaignView[]; total: number }> {
  let page = campaignsSeenBy(db, filters.readerId).where(matching(filters));
  for (const order of orderOf(request.sort)) page = page.orderBy(order);
  const total = db
    .selectFrom('campaigns')
    .where(matching(filters))
    .select((eb) => eb.fn.countAll<number>().as('total'));
  return fetchPage(page, total, request);
}

/** The people named in a campaign, coordinators first, with their names. */
export async function peopleOf(db: Db, campaignId: string): Promise<CampaignPerson[]> {
  const rows = await db
    .selectFrom('campaign_people as p')
    .leftJoin('authors as a', 'a.person_id', 'p.person_id')
    .select(['p.campaign_id', 'p.person_id', 'p.role', 'p.added_by', 'p.added_at', 'a.display_name'])
    .where('p.campaign_id', '=', campaignId)
    .orderBy(sql`p.role = 'coordinator'`, 'desc')
    .orderBy('p.added_at')
    .orderBy('p.person_id')
    .execute();
  return rows.map((row) => ({
    campaignId: row.campaign_id,
    personId: row.person_id,
    name: row.display_name ?? '',
    role: row.role,
    addedBy: row.added_by,
    addedAt: row.added_at.toISOString(),
  }));
}
