import type { Theme, ThemeListQuery, TranslatedText } from '@convergences/contracts';
import { fetchPage, likePattern } from '@convergences/database';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { ProcessesDatabase, ThemesTable } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;
export type ThemeRow = Selectable<ThemesTable>;

/** French names compare lowercase and without accents (see the `fold_text` migration). */
const frenchName = sql<string>`fold_text(name->>'fr')`;

/** Serialises changes of the theme tree, so that two concurrent moves cannot close a cycle together. */
export async function lockThemeTree(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('processes.themes'))`.execute(db);
}

export async function findById(db: Db, id: string): Promise<ThemeRow | undefined> {
  return db.selectFrom('themes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The theme and its ancestors, from itself up to the root; empty if there is no such theme. */
export async function lineageOf(db: Db, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`with recursive lineage(id, parent_id, depth) as (
      select id, parent_id, 0 from themes where id = ${id}::uuid
      union all
      select t.id, t.parent_id, l.depth + 1 from themes t join lineage l on t.id = l.parent_id
    )
    select id from lineage order by depth`.execute(db);
  return rows.map((row) => row.id);
}

/** The position after the last of the parent's children (`null`: the root themes). */
export async function nextPosition(db: Db, parentId: string | null): Promise<number> {
  const row = await db
    .selectFrom('themes')
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .executeTakeFirstOrThrow();
  return row.next;
}

/** The facts of a theme, as the use-cases hand them over. */
export interface ThemeFields {
  name: TranslatedText;
  description: TranslatedText | null;
  colour: string;
  parentId: string | null;
  position: number;
}

const columnsOf = (fields: Partial<ThemeFields>) => ({
  ...(fields.name !== undefined ? { name: JSON.stringify(fields.name) } : {}),
  ...(fields.description !== undefined
    ? { description: fields.description === null ? null : JSON.stringify(fields.description) }
    : {}),
  ...(fields.colour !== undefined ? { colour: fields.colour } : {}),
  ...(fields.parentId !== undefined ? { parent_id: fields.parentId } : {}),
  ...(fields.position !== undefined ? { position: fields.position } : {}),
});

export async function insertTheme(db: Db, theme: ThemeFields & { id: string }): Promise<ThemeRow> {
  return db
    .insertInto('themes')
    .values({
      id: theme.id,
      name: JSON.stringify(theme.name),
      description: theme.description === null ? null : JSON.stringify(theme.description),
      colour: theme.colour,
      parent_id: theme.parentId,
      position: theme.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateFields(db: Db, id: string, fields: Partial<ThemeFields>): Promise<ThemeRow> {
  return db
    .updateTable('themes')
    .set({ ...columnsOf(fields), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

type Filters = Pick<ThemeListQuery, 'parentId' | 'q'>;

function matching(filters: Filters) {
  return (eb: ExpressionBuilder<ProcessesDatabase, 'themes'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.parentId === 'root') conditions.push(eb('parent_id', 'is', null));
    else if (filters.parentId) conditions.push(eb('parent_id', '=', filters.parentId));
    if (filters.q) {
      const pattern = likePattern(filters.q);
      conditions.push(
        sql<SqlBool>`(${frenchName} like fold_text(${pattern}) or fold_text(name->>'en') like fold_text(${pattern}))`,
      );
    }
    return eb.and(conditions);
  };
}

const orders = {
  position: [
    [sql`position`, 'asc'],
    [frenchName, 'asc'],
  ],
  name: [[frenchName, 'asc']],
  '-name': [[frenchName, 'desc']],
} as const;

/** One page of themes matching the query, with the total. */
export async function list(db: Db, query: ThemeListQuery): Promise<{ rows: ThemeRow[]; total: number }> {
  let page = db.selectFrom('themes').selectAll().where(matching(query));
  for (const [expression, direction] of orders[query.sort]) page = page.orderBy(expression, direction);
  return fetchPage(
    page.orderBy('id', 'asc'),
    db
      .selectFrom('themes')
      .where(matching(query))
      .select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
}

/** Every theme, siblings in their order, for the tree. */
export async function treeRows(
  db: Db,
): Promise<{ id: string; name: TranslatedText; colour: string; parentId: string | null }[]> {
  return db
    .selectFrom('themes')
    .select(['id', 'name', 'colour', 'parent_id as parentId'])
    .orderBy('position')
    .orderBy(frenchName)
    .orderBy('id')
    .execute();
}

export function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    colour: row.colour,
    parentId: row.parent_id,
    position: row.position,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
