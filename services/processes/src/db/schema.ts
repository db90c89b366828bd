import type {
  ParticipationSettings,
  PhaseRules,
  ProcessRole,
  ProcessStatus,
  ProcessVisibility,
  TerritoryType,
  TranslatedText,
} from '@convergences/contracts';
import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
/** A `date` column: read as `YYYY-MM-DD` (see `createDatabase`'s type parsers), written as such. */
type DateOnly = ColumnType<string, string, string>;

export interface ProcessesTable {
  id: string;
  slug: string;
  title: Json<TranslatedText>;
  subtitle: Json<TranslatedText> | null;
  description: Json<TranslatedText>;
  status: ProcessStatus;
  visibility: Generated<ProcessVisibility>;
  organizer_id: string | null;
  territory_id: string | null;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  banner_url: string | null;
  settings: ColumnType<ParticipationSettings, string | undefined, string>;
  participation_version: Generated<number>;
  proposals_count: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
  closed_at: Date | null;
}

export interface ProcessThemesTable {
  process_id: string;
  theme_id: string;
}

export interface TerritoriesTable {
  id: string;
  name: string;
  type: TerritoryType;
  code: string | null;
  parent_id: string | null;
  /** Root first, down to the parent. */
  ancestor_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ThemesTable {
  id: string;
  name: Json<TranslatedText>;
  description: Json<TranslatedText> | null;
  colour: string;
  parent_id: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PhasesTable {
  id: string;
  process_id: string;
  position: number;
  title: Json<TranslatedText>;
  description: Json<TranslatedText> | null;
  starts_at: Date | null;
  ends_at: Date | null;
  auto_activate: Generated<boolean>;
  active: Generated<boolean>;
  activated_at: Date | null;
  auto_activated_at: Date | null;
  rules: Json<PhaseRules>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProcessRolesTable {
  process_id: string;
  person_id: string;
  role: ProcessRole;
  assigned_by: string | null;
  assigned_at: Generated<Date>;
}

export interface ProcessInvitationsTable {
  process_id: string;
  person_id: string;
  invited_by: string | null;
  invited_at: Generated<Date>;
}

/** People members says are blocked, kept from its events. */
export interface BlockedPeopleTable {
  person_id: string;
  blocked_at: Date;
}

/** The latest block or unblock members announced per person (so that older events change nothing). */
export interface BlockChangesTable {
  person_id: string;
  blocked: boolean;
  changed_at: Date;
  event_id: string;
}

/** Who took part in a process, once, with the Paris day they were first seen doing so. */
export interface ProcessParticipantsTable {
  process_id: string;
  person_id: string;
  first_seen_on: DateOnly;
}

/** A process's counts for one Paris day (`supports` given that day, `supports_withdrawn` taken back). */
export interface ProcessDailyStatsTable {
  process_id: string;
  day: DateOnly;
  participants: Generated<number>;
  proposals: Generated<number>;
  supports: Generated<number>;
  supports_withdrawn: Generated<number>;
  comments: Generated<number>;
  debates: Generated<number>;
}

/** What the statistics counted of one proposal, debate or comment (see the migration). */
export interface ProcessStatsItemsTable {
  resource_id: string;
  resource_type: 'proposal' | 'debate' | 'comment';
  process_id: string;
  parent_id: ColumnType<string | null, string | null | undefined, string | null>;
  day: ColumnType<string | null, string | null | undefined, string | null>;
  hidden: Generated<boolean>;
  moderation_version: Generated<number>;
  parent_hidden: Generated<boolean>;
}

export interface ProcessesDatabase extends EventTables, IdempotencyTables {
  processes: ProcessesTable;
  process_themes: ProcessThemesTable;
  territories: TerritoriesTable;
  themes: ThemesTable;
  phases: PhasesTable;
  process_roles: ProcessRolesTable;
  process_invitations: ProcessInvitationsTable;
  blocked_people: BlockedPeopleTable;
  block_changes: BlockChangesTable;
  process_participants: ProcessParticipantsTable;
  process_daily_stats: ProcessDailyStatsTable;
  process_stats_items: ProcessStatsItemsTable;
}
