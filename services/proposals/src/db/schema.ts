import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { ParticipationSnapshot } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

export interface ProposalsTable {
  id: string;
  process_id: string;
  reference: string;
  title: string;
  body: string;
  locale: 'fr' | 'en';
  author_id: string;
  state: 'published';
  created_at: Generated<Date>;
  published_at: Date | null;
}

/** Authors' display names, kept from the members service's events. */
export interface AuthorsTable {
  person_id: string;
  display_name: string;
  /** When members gave this name (null: taken from the author's own request). */
  name_as_of: Date | null;
}

/** The rules in force in each process, kept from `processes.participation.changed` (highest version wins). */
export interface ProcessParticipationTable {
  process_id: string;
  version: number;
  snapshot: ColumnType<ParticipationSnapshot, string, string>;
  received_at: Generated<Date>;
}

export interface ProposalsDatabase extends EventTables, IdempotencyTables {
  proposals: ProposalsTable;
  authors: AuthorsTable;
  process_participation: ProcessParticipationTable;
}
