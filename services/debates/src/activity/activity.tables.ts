import type { ActivityService } from '@convergences/contracts';
import type { ColumnType } from 'kysely';

/** One moderation or administration action of the platform: who, what, which resource, when, why. */
export interface ActivityLogTable {
  id: string;
  service: ActivityService;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  resource_type: string;
  resource_id: string;
  process_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, string | number | boolean | null>, string, string>;
  occurred_at: Date;
}

export interface ActivityTables {
  activity_log: ActivityLogTable;
}
