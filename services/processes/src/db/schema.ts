import type { ProcessStatus, TranslatedText } from '@convergences/contracts';
import type { IdempotencyTables } from '@convergences/database';
import type { EventTables } from '@convergences/events';
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface ProcessesTable {
  id: string;
  slug: string;
  title: Json<TranslatedText>;
  description: Json<TranslatedText>;
  status: ProcessStatus;
  proposals_count: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
}

export interface ProcessesDatabase extends EventTables, IdempotencyTables {
  processes: ProcessesTable;
}
