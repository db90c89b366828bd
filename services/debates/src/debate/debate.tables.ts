import type { DebateText, InformationUpdate } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/** A debate of a process: official (the organiser's) or a participant's. Open while `closed_at` is null. */
export interface DebatesTable {
  id: string;
  process_id: string;
  official: boolean;
  title: Json<DebateText>;
  description: Json<DebateText>;
  instructions: NullableJson<DebateText>;
  information_updates: ColumnType<InformationUpdate[], string | undefined, string>;
  theme_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  author_id: string;
  /** For an official debate: the process's organiser, and its name as shown instead of the author's. */
  organizer_id: ColumnType<string | null, string | null | undefined, string | null>;
  organizer_name: ColumnType<string | null, string | null | undefined, string | null>;
  conclusions: NullableJson<DebateText>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Hidden by moderation: in no list, and its comments with it. */
  hidden_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface DebateTables {
  debates: DebatesTable;
}
