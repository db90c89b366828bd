import type { FrameworkEditor } from '@convergences/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import type { FrameworkEditorsTable } from '../framework/framework.tables';

type Db = Kysely<EvaluationsDatabase>;

export async function editorsOf(db: Db, lineageId: string): Promise<FrameworkEditor[]> {
  const rows = await db
    .selectFrom('framework_editors')
    .selectAll()
    .where('lineage_id', '=', lineageId)
    .orderBy('added_at')
    .orderBy('person_id')
    .execute();
  return rows.map(toEditor);
}

/** Names an editor; naming them again keeps the first naming. */
export async function addEditor(
  db: Db,
  lineageId: string,
  personId: string,
  addedBy: string,
): Promise<FrameworkEditor> {
  await db
    .insertInto('framework_editors')
    .values({ lineage_id: lineageId, person_id: personId, added_by: addedBy })
    .onConflict((oc) => oc.columns(['lineage_id', 'person_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('framework_editors')
    .selectAll()
    .where('lineage_id', '=', lineageId)
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return toEditor(row);
}

export async function removeEditor(db: Db, lineageId: string, personId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('framework_editors')
    .where('lineage_id', '=', lineageId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function toEditor(row: Selectable<FrameworkEditorsTable>): FrameworkEditor {
  return {
    lineageId: row.lineage_id,
    personId: row.person_id,
    addedBy: row.added_by,
    addedAt: row.added_at.toISOString(),
  };
}
