import { fetchPage } from '@convergences/database';
import type {
  Membership,
  MembershipRole,
  MembershipStatus,
  MyMembershipsQuery,
  OrganizationMembersQuery,
} from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { MembersDatabase, MembershipsTable } from '../db/schema';

export type MembershipRow = Selectable<MembershipsTable>;
type Db = Kysely<MembersDatabase>;

/** A membership with the names it is shown with. */
export type MembershipView = MembershipRow & {
  organization_slug: string;
  organization_name: string;
  person_name: string;
};

const withNames = (db: Db) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .selectAll('m')
    .select(['o.slug as organization_slug', 'o.name as organization_name', 'p.display_name as person_name']);

export async function findView(db: Db, id: string): Promise<MembershipView | undefined> {
  return withNames(db).where('m.id', '=', id).executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFor(db: Db, organizationId: string, personId: string): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Inserts a membership unless the person already has one in the organisation. */
export async function insertUnlessPresent(
  db: Db,
  membership: {
    organizationId: string;
    personId: string;
    role: MembershipRole;
    status: MembershipStatus;
    invitedBy: string | null;
  },
): Promise<MembershipRow | undefined> {
  return db
    .insertInto('memberships')
    .values({
      id: uuidv7(),
      organization_id: membership.organizationId,
      person_id: membership.personId,
      role: membership.role,
      status: membership.status,
      invited_by: membership.invitedBy,
      joined_at: membership.status === 'active' ? new Date() : null,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'person_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function activate(db: Db, id: string, role?: MembershipRole): Promise<MembershipRow> {
  return db
    .updateTable('memberships')
    .set({ status: 'active', joined_at: sql<Date>`now()`, ...(role ? { role } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setRole(db: Db, id: string, role: MembershipRole): Promise<MembershipRow> {
  return db.updateTable('memberships').set({ role }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteById(db: Db, id: string): Promise<void> {
  await db.deleteFrom('memberships').where('id', '=', id).execute();
}

/** How many active admins the organisation has (call with the organisation's row locked). */
export async function activeAdminCount(db: Db, organizationId: string): Promise<number> {
  const { n } = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return n;
}

export async function findPersonId(db: Db, ref: { personId?: string; nickname?: string }): Promise<string | undefined> {
  let query = db.selectFrom('people').select('id');
  query = ref.personId
    ? query.where('id', '=', ref.personId)
    : query.where('nickname', '=', ref.nickname!.toLowerCase());
  return (await query.executeTakeFirst())?.id;
}

async function page(
  filtered: ReturnType<typeof withNames>,
  query: { page: number; perPage: number; sort: 'name' | 'recent' },
  nameColumn: 'p.display_name' | 'o.name',
): Promise<{ rows: MembershipView[]; total: number }> {
  const ordered =
    query.sort === 'recent'
      ? filtered.orderBy('m.created_at', 'desc')
      : filtered.orderBy(sql`lower(${sql.ref(nameColumn)})`, 'asc');
  return fetchPage(
    ordered.orderBy('m.id', 'asc'),
    filtered.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export async function listForOrganization(
  db: Db,
  query: OrganizationMembersQuery,
  statuses: readonly MembershipStatus[],
): Promise<{ rows: MembershipView[]; total: number }> {
  const filtered = withNames(db)
    .where('m.organization_id', '=', query.organizationId)
    .where('m.status', 'in', statuses);
  return page(filtered, query, 'p.display_name');
}

export async function listForPerson(
  db: Db,
  personId: string,
  query: MyMembershipsQuery,
): Promise<{ rows: MembershipView[]; total: number }> {
  let filtered = withNames(db).where('m.person_id', '=', personId);
  if (query.status) filtered = filtered.where('m.status', '=', query.status);
  return page(filtered, query, 'o.name');
}

export function toMembership(view: MembershipView): Membership {
  return {
    id: view.id,
    organizationId: view.organization_id,
    organizationSlug: view.organization_slug,
    organizationName: view.organization_name,
    personId: view.person_id,
    personName: view.person_name,
    role: view.role,
    status: view.status,
    createdAt: view.created_at.toISOString(),
    joinedAt: view.joined_at?.toISOString() ?? null,
  };
}

/** The verified organisations a person is an active member of (for their public profile). */
export async function verifiedOrganizationsOf(
  db: Db,
  personId: string,
): Promise<{ id: string; slug: string; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('m.person_id', '=', personId)
    .where('m.status', '=', 'active')
    .where('o.status', '=', 'verified')
    .orderBy('o.name_folded')
    .execute();
}
