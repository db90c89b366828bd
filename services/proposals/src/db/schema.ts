import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { ParticipationSnapshot, ProposalState, TranslatedText } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

export interface ProposalsTable {
  id: string;
  process_id: string;
  /** `PROP-2026-000123`, given on publishing (a draft has none). */
  reference: string | null;
  title: string;
  body: string;
  locale: 'fr' | 'en';
  author_id: string;
  /** Authored by the process's organiser. */
  official: Generated<boolean>;
  state: ProposalState;
  theme_id: string | null;
  territory_id: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  supports_count: Generated<number>;
  endorsements_count: Generated<number>;
  comments_count: Generated<number>;
  answer_state: string | null;
  answer_body: ColumnType<TranslatedText | null, string | null, string | null>;
  answer_cost_cents: ColumnType<number | null, number | null, number | null>;
  answer_cost_report: ColumnType<TranslatedText | null, string | null, string | null>;
  answer_execution_period: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  /** Answers are shown once published (at once, or in bulk when the phase says so). */
  answer_published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
  withdrawn_at: Date | null;
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
