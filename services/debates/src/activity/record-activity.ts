import type { ActivityRecorded, ActivityService } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DebatesDatabase } from '../db/schema';

/**
 * Writes one entry of the activity log, in the caller's transaction. Entries from other services
 * keep their event's id, so the log holds each action once whatever the deliveries.
 */
export async function recordActivity(
  db: Kysely<DebatesDatabase>,
  service: ActivityService,
  entry: ActivityRecorded,
  { id = uuidv7(), occurredAt = new Date() }: { id?: string; occurredAt?: Date } = {},
): Promise<void> {
  await db
    .insertInto('activity_log')
    .values({
      id,
      service,
      action: entry.action,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      process_id: entry.processId,
      reason: entry.reason,
      details: JSON.stringify(entry.details),
      occurred_at: occurredAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
