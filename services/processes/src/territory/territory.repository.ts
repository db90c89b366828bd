import { territoryTypes, type Territory, type TerritoryListQuery, type TerritoryType } from '@convergences/contracts';
import { fetchPage, likePattern } from '@convergences/database';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { ProcessesDatabase, TerritoriesTable } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;
export type TerritoryRow = Selectable<TerritoriesTable> & { children_count: number };

/** The territory `id` and every territory under it, through the GIN-indexed ancestors. */
const inSubtreeOf = (id: string) => sql<SqlBool>`(id = ${id}::uuid or ancestor_ids @> array[${id}::uuid])`;

/** Names compare lowercase and without accents (see the `fold_text` migration). */
const foldedName = sql<string>`fold_text(name)`;

function withChildrenCount(db: Db) {
  return db
    .selectFrom('territories')
    .selectAll('territories')
    .select(
      sql<number>`(select count(*)::int from territories c where c.parent_id = territories.id)`.as('children_count'),
    );
}

/**
 * Serialises changes of the territorial tree: two concurrent moves cannot close a cycle
 * together, and a code checked free stays free until the change commits.
 */
export async function lockTerritoryTree(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('processes.territories'))`.execute(db);
}

export async function findById(db: Db, id: string): Promise<TerritoryRow | undefined> {
  return withChildrenCount(db).where('id', '=', id).executeTakeFirst();
}

/** The territory of this type holding this official code, if any. */
export async function findByCode(
  db: Db,
  type: TerritoryType,
  code: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('territories')
    .select(['id', 'name'])
    .where('type', '=', type)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface NewTerritory {
  id: string;
  name: string;
  type: TerritoryType;
  code: string | null;
  parentId: string | null;
  ancestorIds: string[];
}

export async function insertTerritory(db: Db, territory: NewTerritory): Promise<void> {
  await db
    .insertInto('territories')
    .values({
      id: territory.id,
      name: territory.name,
      type: territory.type,
      code: territory.code,
      parent_id: territory.parentId,
      ancestor_ids: territory.ancestorIds,
    })
    .execute();
}

/** Changes a territory's name and code (absent ones stay) and marks it updated. */
export async function updateFields(db: Db, id: string, fields: { name?: string; code?: string | null }): Promise<void> {
  await db
    .updateTable('territories')
    .set({
      ...(fields.name !== undefined ? { name: fields.name } : {}),
      ...(fields.code !== undefined ? { code: fields.code } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves a territory and everything under it beneath `newAncestorIds` (root first, ending with the
 * new parent, empty for a root), in one statement: each row keeps the part of its ancestry below
 * the moved territory and takes the new part above it.
 */
export async function moveSubtree(
  db: Db,
  territory: { id: string; ancestorIds: readonly string[] },
  newAncestorIds: readonly string[],
): Promise<void> {
  const newParentId = newAncestorIds.at(-1) ?? null;
  const keptFrom = territory.ancestorIds.length + 1;
  await db
    .updateTable('territories')
    .set({
      ancestor_ids: sql<string[]>`${[...newAncestorIds]}::uuid[] || ancestor_ids[${keptFrom}::int:]`,
      parent_id: sql<string | null>`case when id = ${territory.id}::uuid then ${newParentId}::uuid else parent_id end`,
    })
    .where(inSubtreeOf(territory.id))
    .execute();
}

type Filters = Pick<TerritoryListQuery, 'type' | 'parentId' | 'within' | 'code' | 'q'>;

function matching(filters: Filters) {
  return (eb: ExpressionBuilder<ProcessesDatabase, 'territories'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.type) conditions.push(eb('type', '=', filters.type));
    if (filters.parentId === 'root') conditions.push(eb('parent_id', 'is', null));
    else if (filters.parentId) conditions.push(eb('parent_id', '=', filters.parentId));
    if (filters.within) conditions.push(inSubtreeOf(filters.within));
    if (filters.code) conditions.push(eb('code', '=', filters.code));
    if (filters.q) conditions.push(sql<SqlBool>`${foldedName} like fold_text(${likePattern(filters.q)})`);
    return eb.and(conditions);
  };
}

/** The levels in tree order, from the widest: `sort=type` lists régions first. */
const level = sql<number>`array_position(${sql.val([...territoryTypes])}::text[], type)`;

const orders = {
  name: [[foldedName, 'asc']],
  '-name': [[foldedName, 'desc']],
  type: [
    [level, 'asc'],
    [foldedName, 'asc'],
  ],
  code: [
    [sql`code`, 'asc'],
    [foldedName, 'asc'],
  ],
} as const;

/** One page of territories matching the query, with the total. */
export async function list(db: Db, query: TerritoryListQuery): Promise<{ rows: TerritoryRow[]; total: number }> {
  let page = withChildrenCount(db).where(matching(query));
  for (const [expression, direction] of orders[query.sort]) page = page.orderBy(expression, direction);
  return fetchPage(
    page.orderBy('id', 'asc'),
    db
      .selectFrom('territories')
      .where(matching(query))
      .select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

export interface TerritoryTreeRow {
  id: string;
  name: string;
  type: TerritoryType;
  code: string | null;
  parentId: string | null;
}

/** The territories of a tree (all, or one territory's subtree), down to `maxType`, siblings by name. */
export async function treeRows(
  db: Db,
  { rootId, maxType }: { rootId?: string; maxType?: TerritoryType },
): Promise<TerritoryTreeRow[]> {
  let query = db
    .selectFrom('territories')
    .select(['id', 'name', 'type', 'code', 'parent_id as parentId'])
    .orderBy(foldedName)
    .orderBy('id');
  if (rootId) query = query.where(inSubtreeOf(rootId));
  if (maxType) query = query.where('type', 'in', territoryTypes.slice(0, territoryTypes.indexOf(maxType) + 1));
  return query.execute();
}

/** The ids of a territory and of everything under it, shallowest first; empty if there is no such territory. */
export async function subtreeIds(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('territories')
    .select('id')
    .where(inSubtreeOf(id))
    .orderBy(sql`cardinality(ancestor_ids)`)
    .orderBy(foldedName)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export function toTerritory(row: TerritoryRow): Territory {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    code: row.code,
    parentId: row.parent_id,
    ancestorIds: row.ancestor_ids,
    childrenCount: row.children_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
