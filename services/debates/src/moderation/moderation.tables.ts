import type { HiddenCause, ReportableType, ReportReason } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * A reported or moderated resource: what it says (as of the last report or action), its author,
 * its pending reports (counted under this row's lock), whether it is hidden, by whom and why,
 * and a version that grows with each hiding or showing and travels with its event.
 */
export interface ModerationsTable {
  id: string;
  resource_type: ReportableType;
  resource_id: string;
  process_id: Nullable<string>;
  parent_resource_type: Nullable<'proposal' | 'debate'>;
  parent_resource_id: Nullable<string>;
  author_id: Nullable<string>;
  title: Nullable<string>;
  excerpt: Nullable<string>;
  reports_count: Generated<number>;
  last_reported_at: Nullable<Date>;
  hidden_at: Nullable<Date>;
  hidden_by: Nullable<string>;
  hidden_cause: Nullable<HiddenCause>;
  justification: Nullable<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One person's report on a resource (one per person and resource). */
export interface ReportsTable {
  id: string;
  moderation_id: string;
  reporter_id: string;
  reason: ReportReason;
  details: string | null;
  created_at: Generated<Date>;
  dismissed_at: Nullable<Date>;
}

/** The published proposals and their authors, from `proposals`' events: a block hides its person's proposals. */
export interface KnownProposalsTable {
  proposal_id: string;
  process_id: string;
  author_id: string;
  title: string;
}

export interface ModerationTables {
  moderations: ModerationsTable;
  reports: ReportsTable;
  known_proposals: KnownProposalsTable;
}
