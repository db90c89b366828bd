import { fetchPage } from '@convergences/database';
import type { ProgressAction, ProgressActionStatus } from '@convergences/contracts';
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { ProgressActionsTable } from '../campaign/campaign.tables';
import type { EvaluationsDatabase } from '../db/schema';

type Db = Kysely<EvaluationsDatabase>;
type ActionsBuilder = ExpressionBuilder<EvaluationsDatabase & { pa: ProgressActionsTable }, 'pa'>;

/**
 * Whether a person may read an action: a member (now) of its organisation, or a coordinator,
 * committee member or assigned peer of a campaign of its lineage where the organisation is a
 * subject (any campaign: the next one's coordinators prepare it with the last one's actions).
 */
function readableBy(personId: string): Expression<SqlBool> {
  return sql<SqlBool>`(
    exists (select 1 from organization_members m
      where m.organization_id = pa.organization_id and m.person_id = ${personId})
    or exists (select 1 from campaign_subjects s join campaigns c on c.id = s.campaign_id
      where s.organization_id = pa.organization_id and c.lineage_id = pa.lineage_id
        and (exists (select 1 from campaign_people p where p.campaign_id = c.id and p.person_id = ${personId})
          or exists (select 1 from peer_assignments a where a.subject_id = s.id and a.person_id = ${personId}))))`;
}

/** Actions with what they are shown with: the organisation's name, the criterion's title then, overdue. */
function actionsView(db: Db) {
  return db
    .selectFrom('progress_actions as pa')
    .innerJoin('campaigns as c', 'c.id', 'pa.campaign_id')
    .innerJoin('criteria as cr', (join) =>
      join.onRef('cr.framework_id', '=', 'c.framework_id').onRef('cr.stable_id', '=', 'pa.criterion_stable_id'),
    )
    .leftJoin('organizations as o', 'o.id', 'pa.organization_id')
    .selectAll('pa')
    .select([
      // The read model's name, else the name the subject was added under.
      sql<string>`coalesce(o.name, (select s.name from campaign_subjects s
        where s.campaign_id = pa.campaign_id and s.organization_id = pa.organization_id))`.as('organization_name'),
      'cr.title as criterion_title',
      sql<boolean>`(pa.due_on < current_date and pa.status not in ('done', 'dropped'))`.as('overdue'),
    ]);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsView>['executeTakeFirstOrThrow']>>;

export function toProgressAction(row: ActionRow): ProgressAction {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name ?? '',
    lineageId: row.lineage_id,
    campaignId: row.campaign_id,
    criterionStableId: row.criterion_stable_id,
    criterionTitle: row.criterion_title,
    title: row.title,
    description: row.description,
    owner: row.owner,
    dueOn: row.due_on,
    status: row.status,
    statusNote: row.status_note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    overdue: row.overdue,
  };
}

/** What a list filters on; `readerId` (unless `everything`) keeps what that person may read. */
export interface ProgressFilters {
  everything: boolean;
  readerId?: string;
  id?: string;
  organizationId?: string;
  lineageId?: string;
  campaignId?: string;
  status?: ProgressActionStatus;
}

function matching(filters: ProgressFilters) {
  return (eb: ActionsBuilder): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (!filters.everything) conditions.push(filters.readerId ? readableBy(filters.readerId) : sql<SqlBool>`false`);
    if (filters.id) conditions.push(eb('pa.id', '=', filters.id));
    if (filters.organizationId) conditions.push(eb('pa.organization_id', '=', filters.organizationId));
    if (filters.lineageId) conditions.push(eb('pa.lineage_id', '=', filters.lineageId));
    if (filters.campaignId) conditions.push(eb('pa.campaign_id', '=', filters.campaignId));
    if (filters.status) conditions.push(eb('pa.status', '=', filters.status));
    return eb.and(conditions);
  };
}

/** One page of the actions matching the filters, with the total. */
export async function listActions(
  db: Db,
  filters: ProgressFilters,
  request: { sort: 'due' | 'recent'; page: number; perPage: number },
): Promise<{ rows: ProgressAction[]; total: number }> {
  let page = actionsView(db).where(matching(filters));
  page =
    request.sort === 'due'
      ? page.orderBy('pa.due_on').orderBy('pa.id')
      : page.orderBy('pa.created_at', 'desc').orderBy('pa.id', 'desc');
  const total = db
    .selectFrom('progress_actions as pa')
    .where(matching(filters))
    .select((eb) => eb.fn.countAll<number>().as('total'));
  const { rows, total: count } = await fetchPage(page, total, request);
  return { rows: rows.map(toProgressAction), total: count };
}

/** One action as shown, if the filters (who reads) let it through. */
export async function actionView(db: Db, filters: ProgressFilters & { id: string }) {
  const row = await actionsView(db).where(matching(filters)).executeTakeFirst();
  return row ? toProgressAction(row) : undefined;
}

export async function findAction(db: Db, id: string) {
  return db.selectFrom('progress_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the person may read the organisation's actions of this lineage (see `readableBy`). */
export async function mayReadActionsOf(
  db: Db,
  personId: string,
  action: { organization_id: string; lineage_id: string },
): Promise<boolean> {
  const { rows } = await sql<{ readable: boolean }>`select ${readableBy(personId)} as readable
    from (select ${action.organization_id}::uuid as organization_id, ${action.lineage_id}::uuid as lineage_id) pa`.execute(
    db,
  );
  return rows[0]?.readable ?? false;
}

export async function isMemberOf(db: Db, organizationId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organization_members')
    .select('person_id')
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return !!row;
}

export async function isCoordinatorOf(db: Db, campaignId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('campaign_people')
    .select('person_id')
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .where('role', '=', 'coordinator')
    .executeTakeFirst();
  return !!row;
}

export async function insertAction(db: Db, action: Insertable<ProgressActionsTable>): Promise<void> {
  await db.insertInto('progress_actions').values(action).execute();
}

export async function updateAction(db: Db, id: string, change: Updateable<ProgressActionsTable>): Promise<void> {
  await db
    .updateTable('progress_actions')
    .set({ ...change, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
