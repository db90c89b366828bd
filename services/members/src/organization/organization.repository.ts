import { fetchPage, likePattern } from '@convergences/database';
import type {
  Organization,
  OrganizationKind,
  OrganizationListQuery,
  OrganizationMap,
  OrganizationMapQuery,
  OrganizationRef,
  OrganizationStatus,
  TranslatedText,
} from '@convergences/contracts';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { MembersDatabase, OrganizationsTable } from '../db/schema';
import { foldName } from './organization-names';

export type OrganizationRow = Selectable<OrganizationsTable>;
type Db = Kysely<MembersDatabase>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findByIdOrSlug(db: Db, idOrSlug: string): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where(UUID.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Locks the organisation's row: changes of one organisation (and of its memberships) happen one
 * at a time. `for no key update` still lets rows referencing it be inserted meanwhile.
 */
export async function lockById(db: Db, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return !!(await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst());
}

/** The editable facts of an organisation, as the use-cases hand them over. */
export interface OrganizationFields {
  name: string;
  kind: OrganizationKind;
  description: TranslatedText | null;
  website: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  territoryId: string | null;
  themeIds: string[];
  logoUrl: string | null;
}

const columnsOf = (fields: Partial<OrganizationFields>) => ({
  ...(fields.name !== undefined ? { name: fields.name, name_folded: foldName(fields.name) } : {}),
  ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
  ...(fields.description !== undefined
    ? { description: fields.description === null ? null : JSON.stringify(fields.description) }
    : {}),
  ...(fields.website !== undefined ? { website: fields.website } : {}),
  ...(fields.address !== undefined ? { address: fields.address } : {}),
  ...(fields.latitude !== undefined ? { latitude: fields.latitude } : {}),
  ...(fields.longitude !== undefined ? { longitude: fields.longitude } : {}),
  ...(fields.territoryId !== undefined ? { territory_id: fields.territoryId } : {}),
  ...(fields.themeIds !== undefined ? { theme_ids: fields.themeIds } : {}),
  ...(fields.logoUrl !== undefined ? { logo_url: fields.logoUrl } : {}),
});

/** Inserts a pending organisation unless its slug is taken (even by a transaction committing meanwhile). */
export async function insertUnlessSlugTaken(
  db: Db,
  organization: OrganizationFields & { id: string; slug: string; createdBy: string },
): Promise<OrganizationRow | undefined> {
  return db
    .insertInto('organizations')
    .values({
      id: organization.id,
      slug: organization.slug,
      name: organization.name,
      name_folded: foldName(organization.name),
      kind: organization.kind,
      description: organization.description === null ? null : JSON.stringify(organization.description),
      website: organization.website,
      address: organization.address,
      latitude: organization.latitude,
      longitude: organization.longitude,
      territory_id: organization.territoryId,
      theme_ids: organization.themeIds,
      logo_url: organization.logoUrl,
      status: 'pending',
      created_by: organization.createdBy,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateFields(db: Db, id: string, fields: Partial<OrganizationFields>): Promise<OrganizationRow> {
  return db
    .updateTable('organizations')
    .set({ ...columnsOf(fields), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markVerified(db: Db, id: string, verifiedBy: string): Promise<OrganizationRow> {
  return db
    .updateTable('organizations')
    .set({ status: 'verified', verified_at: sql<Date>`now()`, verified_by: verifiedBy, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Serialises changes of network membership, so that two concurrent changes cannot close a cycle
 * together. Take it first in the transaction, before any row lock, or two changes may deadlock.
 */
export async function lockNetworkGraph(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('members.organization_networks'))`.execute(db);
}

/** The organisations among `ids`, with their kind. */
export async function findKinds(db: Db, ids: readonly string[]): Promise<{ id: string; kind: OrganizationKind }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'kind']).where('id', 'in', ids).execute();
}

/** Every organisation that belongs to `networkId`, directly or through member networks. */
const membersOfNetwork = (networkId: string) => sql<string>`(
  with recursive members(id) as (
    select organization_id from organization_networks where network_id = ${networkId}
    union
    select n.organization_id from organization_networks n join members m on n.network_id = m.id
  )
  select id from members)`;

export async function descendantsOf(db: Db, networkId: string): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`select id from ${membersOfNetwork(networkId)} as m(id)`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/** Whether any organisation belongs to this network. */
export async function hasMembers(db: Db, networkId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('organization_networks')
    .select('organization_id')
    .where('network_id', '=', networkId)
    .executeTakeFirst());
}

export async function replaceNetworks(db: Db, organizationId: string, networkIds: readonly string[]): Promise<void> {
  await db.deleteFrom('organization_networks').where('organization_id', '=', organizationId).execute();
  if (networkIds.length === 0) return;
  await db
    .insertInto('organization_networks')
    .values([...new Set(networkIds)].map((networkId) => ({ organization_id: organizationId, network_id: networkId })))
    .execute();
}

/** The networks each organisation is a direct member of (pending networks only when asked). */
export async function networksOf(
  db: Db,
  organizationIds: readonly string[],
  includePending: boolean,
): Promise<Map<string, OrganizationRef[]>> {
  const result = new Map<string, OrganizationRef[]>(organizationIds.map((id) => [id, []]));
  if (organizationIds.length === 0) return result;
  let query = db
    .selectFrom('organization_networks as n')
    .innerJoin('organizations as o', 'o.id', 'n.network_id')
    .select(['n.organization_id', 'o.id', 'o.slug', 'o.name'])
    .where('n.organization_id', 'in', organizationIds)
    .orderBy('o.name_folded');
  if (!includePending) query = query.where('o.status', '=', 'verified');
  for (const row of await query.execute()) {
    result.get(row.organization_id)?.push({ id: row.id, slug: row.slug, name: row.name });
  }
  return result;
}

/**
 * What lists and the map filter on. `territoryIds` is a territory with everything under it, as
 * `processes` answered it: the query names them all (one array parameter), it knows no tree.
 */
export type OrganizationFilters = Pick<OrganizationListQuery, 'kind' | 'theme' | 'network' | 'q'> & {
  territoryIds?: readonly string[];
};

function matching(filters: OrganizationFilters, status: OrganizationStatus | undefined) {
  return (eb: ExpressionBuilder<MembersDatabase, 'organizations'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (status) conditions.push(eb('status', '=', status));
    if (filters.kind) conditions.push(eb('kind', '=', filters.kind));
    if (filters.territoryIds) conditions.push(sql<SqlBool>`territory_id = any(${[...filters.territoryIds]}::uuid[])`);
    if (filters.theme) conditions.push(sql<SqlBool>`${filters.theme}::uuid = any(theme_ids)`);
    if (filters.network) conditions.push(sql<SqlBool>`id in ${membersOfNetwork(filters.network)}`);
    if (filters.q) {
      const pattern = likePattern(foldName(filters.q));
      conditions.push(eb('name_folded', 'like', pattern));
    }
    return eb.and(conditions);
  };
}

const orders = {
  name: [['name_folded', 'asc']],
  '-name': [['name_folded', 'desc']],
  recent: [['created_at', 'desc']],
} as const;

/** One page of organisations matching the query, with the total. */
export async function list(
  db: Db,
  query: Omit<OrganizationListQuery, 'territoryId' | 'territory'> & OrganizationFilters,
  status: OrganizationStatus | undefined,
): Promise<{ rows: OrganizationRow[]; total: number }> {
  const filtered = db.selectFrom('organizations').where(matching(query, status));
  let page = filtered.selectAll();
  for (const [column, direction] of orders[query.sort]) page = page.orderBy(column, direction);
  return fetchPage(
    page.orderBy('id', 'asc'),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

/** Verified organisations with coordinates, as GeoJSON, in one query. */
export async function mapOf(
  db: Db,
  query: Omit<OrganizationMapQuery, 'territoryId' | 'territory'> & OrganizationFilters,
): Promise<OrganizationMap> {
  let located = db
    .selectFrom('organizations')
    .where(matching(query, 'verified'))
    .where('latitude', 'is not', null)
    .where('longitude', 'is not', null);
  if (query.bbox) {
    const { minLon, minLat, maxLon, maxLat } = query.bbox;
    located = located
      .where('longitude', '>=', minLon)
      .where('longitude', '<=', maxLon)
      .where('latitude', '>=', minLat)
      .where('latitude', '<=', maxLat);
  }
  const rows = await located
    .select((eb) => [
      'id',
      'name',
      'slug',
      'kind',
      'latitude',
      'longitude',
      eb
        .selectFrom('organization_networks as n')
        .innerJoin('organizations as network', 'network.id', 'n.network_id')
        .whereRef('n.organization_id', '=', 'organizations.id')
        .where('network.status', '=', 'verified')
        .select(sql<string[]>`coalesce(array_agg(network.slug order by network.slug), '{}')`.as('slugs'))
        .as('networks'),
    ])
    .orderBy('name_folded')
    .execute();
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.id,
      geometry: { type: 'Point', coordinates: [row.longitude!, row.latitude!] },
      properties: { name: row.name, slug: row.slug, kind: row.kind, networks: row.networks ?? [] },
    })),
  };
}

export function toOrganization(row: OrganizationRow, networks: OrganizationRef[]): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    description: row.description,
    website: row.website,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    territoryId: row.territory_id,
    themeIds: row.theme_ids,
    logoUrl: row.logo_url,
    status: row.status,
    verifiedAt: row.verified_at?.toISOString() ?? null,
    verifiedBy: row.verified_by,
    networks,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
