import type { ParticipationSnapshot } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

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
