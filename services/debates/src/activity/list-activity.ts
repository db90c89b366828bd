import {
  assertPlatformAdmin,
  type ActivityEntry,
  type ActivityListQuery,
  type Actor,
  type Page,
} from '@convergences/contracts';
import { fetchPage } from '@convergences/database';
import type { Kysely, Selectable } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import type { ActivityLogTable } from './activity.tables';

function toEntry(row: Selectable<ActivityLogTable>): ActivityEntry {
  return {
    id: row.id,
    service: row.service,
    action: row.action,
    actorId: row.actor_id,
    actorName: row.actor_name,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    processId: row.process_id,
    reason: row.reason,
    details: row.details,
    occurredAt: row.occurred_at.toISOString(),
  };
}

/** The platform's activity log, newest first (or oldest), filtered: platform admins only. */
export async function listActivity(
  db: Kysely<DebatesDatabase>,
  actor: Actor | null,
  query: ActivityListQuery,
): Promise<Page<ActivityEntry>> {
  assertPlatformAdmin(actor, 'read the activity log');
  let filtered = db.selectFrom('activity_log');
  if (query.service) filtered = filtered.where('service', '=', query.service);
  if (query.action) filtered = filtered.where('action', '=', query.action);
  if (query.actorId) filtered = filtered.where('actor_id', '=', query.actorId);
  if (query.resourceType) filtered = filtered.where('resource_type', '=', query.resourceType);
  if (query.resourceId) filtered = filtered.where('resource_id', '=', query.resourceId);
  if (query.processId) filtered = filtered.where('process_id', '=', query.processId);
  if (query.from) filtered = filtered.where('occurred_at', '>=', new Date(query.from));
  if (query.to) filtered = filtered.where('occurred_at', '<', new Date(query.to));
  const direction = query.sort === 'oldest' ? 'asc' : 'desc';
  const { rows, total } = await fetchPage(
    filtered.selectAll().orderBy('occurred_at', direction).orderBy('id', direction),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
  return { data: rows.map(toEntry), meta: { total: Number(total), page: query.page, perPage: query.perPage } };
}
