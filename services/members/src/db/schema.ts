import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { ColumnType, Generated } from 'kysely';

export interface PeopleTable {
  id: string;
  subject: string;
  username: string;
  display_name: string;
  email: string | null;
  locale: 'fr' | 'en';
  roles: string[];
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MembersDatabase extends EventTables, IdempotencyTables {
  people: PeopleTable;
}
