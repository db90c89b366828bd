import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { AuthorTables, ParticipationTables } from '@convergences/read-models';
import type { ProposalState, TranslatedText } from '@convergences/contracts';
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
  /** The version of `comments_count` as debates numbered it (see `comments/`). */
  comments_version: Generated<number>;
  /** The version of the last moderation decision applied (see `moderation/`). */
  moderation_version: Generated<number>;
  answer_state: string | null;
  answer_body: ColumnType<TranslatedText | null, string | null, string | null>;
  answer_cost_cents: ColumnType<number | null, number | null, number | null>;
  answer_cost_report: ColumnType<TranslatedText | null, string | null, string | null>;
  answer_execution_period: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  /** Answers are shown once published (at once, or in bulk when the phase says so). */
  answer_published_at: Date | null;
  /** Who made the answer public (an admin publishing a held answer, a valuator's included). */
  answer_published_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** For an official proposal: the process's organiser, and its name as shown instead of the author's. */
  organizer_id: ColumnType<string | null, string | null | undefined, string | null>;
  organizer_name: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
  withdrawn_at: Date | null;
  /** Hidden by moderation: in no public list, map or export. */
  hidden_at: Date | null;
}

/** A person's endorsement of a published proposal, as themself or for an organisation they belong to. */
export interface EndorsementsTable {
  id: string;
  proposal_id: string;
  process_id: string;
  person_id: string;
  organization_id: string | null;
  /** The organisation's name when it endorsed. */
  organization_name: string | null;
  created_at: Generated<Date>;
}

/** One person's support of a proposal; `counted` once its giver has given the process's minimum. */
export interface SupportsTable {
  id: string;
  proposal_id: string;
  process_id: string;
  person_id: string;
  counted: boolean;
  created_at: Generated<Date>;
}

/** How many supports a person has given in a process: the row each of their supports locks first. */
export interface SupportTalliesTable {
  process_id: string;
  person_id: string;
  given: Generated<number>;
}

/** A state a process defines for its answers, besides the built-in ones. */
export interface AnswerStatesTable {
  process_id: string;
  key: string;
  label: ColumnType<TranslatedText, string, string>;
  colour: string;
  position: number;
  created_at: Generated<Date>;
}

/** A valuator in charge of a proposal. */
export interface ValuatorAssignmentsTable {
  proposal_id: string;
  person_id: string;
  process_id: string;
  assigned_by: string;
  assigned_at: Generated<Date>;
}

/** A private note of a valuator or an admin on a proposal. */
export interface ValuationNotesTable {
  id: string;
  proposal_id: string;
  author_id: string;
  body: string;
  created_at: Generated<Date>;
}

/** Authors' display names, kept from the members service's events. */
export interface ProposalsDatabase extends EventTables, IdempotencyTables, AuthorTables, ParticipationTables {
  proposals: ProposalsTable;
  answer_states: AnswerStatesTable;
  valuator_assignments: ValuatorAssignmentsTable;
  valuation_notes: ValuationNotesTable;
  supports: SupportsTable;
  support_tallies: SupportTalliesTable;
  endorsements: EndorsementsTable;
}
