import type { ParticipationSnapshot } from '@convergences/contracts';
import { sql, type Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';

type Db = Kysely<DebatesDatabase>;

/** Keeps the snapshot unless a newer version of the same process's rules is already here. */
export async function keepParticipation(db: Db, snapshot: ParticipationSnapshot): Promise<void> {
  await db
    .insertInto('process_participation')
    .values({ process_id: snapshot.processId, version: snapshot.version, snapshot: JSON.stringify(snapshot) })
    .onConflict((oc) =>
      oc
        .column('process_id')
        .doUpdateSet({
          version: (eb) => eb.ref('excluded.version'),
          snapshot: (eb) => eb.ref('excluded.snapshot'),
          received_at: sql<Date>`now()`,
        })
        .where('process_participation.version', '<', (eb) => eb.ref('excluded.version')),
    )
    .execute();
}

/** The rules in force in a process as last heard, or `undefined` before the first event. */
export async function participationOf(db: Db, processId: string): Promise<ParticipationSnapshot | undefined> {
  const row = await db
    .selectFrom('process_participation')
    .select('snapshot')
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return row?.snapshot;
}
