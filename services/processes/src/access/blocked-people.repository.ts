import { sql, type Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;

/** A block or an unblock members announced: whom, which way, and when (its event). */
export interface BlockChange {
  personId: string;
  blocked: boolean;
  changedAt: Date;
  eventId: string;
}

/**
 * Records the change unless a newer one is known for the person (later event time, or the same
 * time and a later event id), then makes `blocked_people` say so. The upsert locks the person's
 * row, so a block and an unblock applied at the same moment by the two consumers take turns.
 */
export async function applyBlockChange(db: Db, change: BlockChange): Promise<void> {
  const newest = await db
    .insertInto('block_changes')
    .values({
      person_id: change.personId,
      blocked: change.blocked,
      changed_at: change.changedAt,
      event_id: change.eventId,
    })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet((eb) => ({
          blocked: eb.ref('excluded.blocked'),
          changed_at: eb.ref('excluded.changed_at'),
          event_id: eb.ref('excluded.event_id'),
        }))
        .where(
          sql<boolean>`(block_changes.changed_at, block_changes.event_id) < (excluded.changed_at, excluded.event_id)`,
        ),
    )
    .returning('person_id')
    .executeTakeFirst();
  if (!newest) return;
  if (change.blocked) {
    await db
      .insertInto('blocked_people')
      .values({ person_id: change.personId, blocked_at: change.changedAt })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ blocked_at: change.changedAt }))
      .execute();
  } else {
    await db.deleteFrom('blocked_people').where('person_id', '=', change.personId).execute();
  }
}
