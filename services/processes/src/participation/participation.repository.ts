import { participationSettingsSchema, phaseRulesSchema, type ParticipationSnapshot } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';

type Db = Kysely<ProcessesDatabase>;

/** The rules in force in a process now: its status, visibility, settings and active phase. */
export async function currentParticipation(db: Db, processId: string): Promise<ParticipationSnapshot | undefined> {
  const row = await db
    .selectFrom('processes')
    .leftJoin('phases', (join) => join.onRef('phases.process_id', '=', 'processes.id').on('phases.active', '=', true))
    .select([
      'processes.id',
      'processes.participation_version',
      'processes.status',
      'processes.visibility',
      'processes.territory_id',
      'processes.settings',
      'phases.id as phase_id',
      'phases.rules',
    ])
    .where('processes.id', '=', processId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    processId: row.id,
    version: row.participation_version,
    status: row.status,
    visibility: row.visibility,
    territoryId: row.territory_id,
    activePhaseId: row.phase_id,
    rules: row.rules ? phaseRulesSchema.parse(row.rules) : null,
    settings: participationSettingsSchema.parse(row.settings),
  };
}
