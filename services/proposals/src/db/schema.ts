import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { Generated } from 'kysely';

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

export interface ProposalsDatabase extends EventTables, IdempotencyTables {
  proposals: ProposalsTable;
  authors: AuthorsTable;
}
