import { DomainError } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { CriteriaTable, DimensionsTable, IndicatorsTable } from '../framework/framework.tables';

type Db = Kysely<EvaluationsDatabase>;

/** A level of the tree: its table and the column naming the parent its positions count within. */
export type TreeLevel =
  | { table: 'dimensions'; parent: 'framework_id' }
  | { table: 'criteria'; parent: 'dimension_id' }
  | { table: 'indicators'; parent: 'criterion_id' };
export const dimensionsLevel: TreeLevel = { table: 'dimensions', parent: 'framework_id' };
export const criteriaLevel: TreeLevel = { table: 'criteria', parent: 'dimension_id' };
export const indicatorsLevel: TreeLevel = { table: 'indicators', parent: 'criterion_id' };

/** The position after the last sibling (callers hold the framework's lock, so it stays free). */
export async function nextPosition(db: Db, level: TreeLevel, parentId: string): Promise<number> {
  const { rows } = await sql<{ next: number }>`select coalesce(max(position), 0)::int + 1 as next
    from ${sql.table(level.table)} where ${sql.ref(level.parent)} = ${parentId}`.execute(db);
  return rows[0].next;
}

/** The ids of a parent's children, in their order. */
export async function siblingIds(db: Db, level: TreeLevel, parentId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select id from ${sql.table(level.table)}
    where ${sql.ref(level.parent)} = ${parentId} order by position`.execute(db);
  return rows.map((r) => r.id);
}

/** Moves the siblings after a removed child up by one (positions are unique at commit). */
export async function closeGap(db: Db, level: TreeLevel, parentId: string, position: number): Promise<void> {
  await sql`update ${sql.table(level.table)} set position = position - 1
    where ${sql.ref(level.parent)} = ${parentId} and position > ${position}`.execute(db);
}

/** Gives each child its place in `order` (from 1). */
export async function applyOrder(db: Db, level: TreeLevel, parentId: string, order: string[]): Promise<void> {
  await sql`update ${sql.table(level.table)} as t set position = o.position::int
    from unnest(${order}::uuid[]) with ordinality as o(id, position)
    where t.id = o.id and t.${sql.ref(level.parent)} = ${parentId}`.execute(db);
}

export async function dimensionIn(db: Db, frameworkId: string, id: string): Promise<Selectable<DimensionsTable>> {
  const row = await db
    .selectFrom('dimensions')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'No such dimension in this framework.');
  return row;
}

export async function criterionIn(db: Db, frameworkId: string, id: string): Promise<Selectable<CriteriaTable>> {
  const row = await db
    .selectFrom('criteria')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'No such criterion in this framework.');
  return row;
}

export async function indicatorIn(db: Db, frameworkId: string, id: string): Promise<Selectable<IndicatorsTable>> {
  const row = await db
    .selectFrom('indicators')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'No such indicator in this framework.');
  return row;
}

/** A parent named in a body (not the path) that is not in this framework is a field error, not a 404. */
export async function parentIn<T>(find: () => Promise<T>, path: string): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('validation_failed', 'The request is invalid.', undefined, [
        { path, message: error.message },
      ]);
    }
    throw error;
  }
}
