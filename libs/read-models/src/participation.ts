import type { ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { sql, type ColumnType, type Generated, type Kysely, type Transaction } from 'kysely';

/** The rules in force in each process, kept from `processes.participation.changed` (highest version wins). */
export interface ProcessParticipationTable {
  process_id: string;
  version: number;
  snapshot: ColumnType<ParticipationSnapshot, string, string>;
  received_at: Generated<Date>;
}

export interface ParticipationTables {
  process_participation: ProcessParticipationTable;
}

const participationTablesOf = <DB extends ParticipationTables>(db: Kysely<DB>) =>
  db as unknown as Kysely<ParticipationTables>;

/** Keeps the snapshot unless a newer version of the same process's rules is already here. */
export async function keepParticipation<DB extends ParticipationTables>(
  db: Kysely<DB> | Transaction<DB>,
  snapshot: ParticipationSnapshot,
): Promise<void> {
  await participationTablesOf(db)
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
export async function participationOf<DB extends ParticipationTables>(
  db: Kysely<DB> | Transaction<DB>,
  processId: string,
): Promise<ParticipationSnapshot | undefined> {
  const row = await participationTablesOf(db)
    .selectFrom('process_participation')
    .select('snapshot')
    .where('process_id', '=', processId)
    .executeTakeFirst();
  return row?.snapshot;
}

/**
 * The rules in force in a process: the local copy, or, before its first event has arrived, the
 * current snapshot asked of `processes` (and kept, so the next call reads it here).
 */
export async function participationInForce<DB extends ParticipationTables>(
  db: Kysely<DB> | Transaction<DB>,
  services: ServiceClient,
  processId: string,
  context: CallContext,
): Promise<ParticipationSnapshot> {
  const known = await participationOf(db, processId);
  if (known) return known;
  const current = await services.request('processes.process.participation', { processId }, context);
  await keepParticipation(db, current);
  return current;
}
