import { domainEvent, addToOutbox } from '@convergences/events';
import type { CommentableType, DomainEvent } from '@convergences/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import type { CommentCountsTable } from './comment.tables';

type Db = Kysely<DebatesDatabase>;
export type CommentCountRow = Selectable<CommentCountsTable>;

/** A commentable resource, as its count row names it. */
export interface ResourceRef {
  resourceType: CommentableType;
  resourceId: string;
}

/** The count row of a resource this service has just learnt of (nothing when it exists). */
export async function ensureCountRow(db: Db, resource: ResourceRef & { processId: string }): Promise<void> {
  await db
    .insertInto('comment_counts')
    .values({ resource_type: resource.resourceType, resource_id: resource.resourceId, process_id: resource.processId })
    .onConflict((oc) => oc.columns(['resource_type', 'resource_id']).doNothing())
    .execute();
}

export async function findCountRow(db: Db, resource: ResourceRef): Promise<CommentCountRow | undefined> {
  return db
    .selectFrom('comment_counts')
    .selectAll()
    .where('resource_type', '=', resource.resourceType)
    .where('resource_id', '=', resource.resourceId)
    .executeTakeFirst();
}

/**
 * Locks the resource's count row: every change of its comments takes it first (after the debate's
 * row, for a debate), so the count, the version and the threads move one change at a time.
 */
export async function lockCountRow(db: Db, resource: ResourceRef): Promise<CommentCountRow | undefined> {
  return db
    .selectFrom('comment_counts')
    .selectAll()
    .where('resource_type', '=', resource.resourceType)
    .where('resource_id', '=', resource.resourceId)
    .forUpdate()
    .executeTakeFirst();
}

/** One more comment: counted, a thread more when it is a top-level one, the last written. */
export async function countNewComment(
  db: Db,
  resource: ResourceRef,
  topLevel: boolean,
  at: Date,
): Promise<CommentCountRow> {
  return db
    .updateTable('comment_counts')
    .set((eb) => ({
      count: eb('count', '+', 1),
      threads: eb('threads', '+', topLevel ? 1 : 0),
      last_comment_at: at,
      version: eb('version', '+', 1),
    }))
    .where('resource_type', '=', resource.resourceType)
    .where('resource_id', '=', resource.resourceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Counts a resource's comments again from its rows (after a deletion or a hiding): the listed
 * ones (neither they nor a comment above them hidden), those not deleted counted, the
 * top-level ones as threads, the last written of those counted.
 */
export async function recountResource(db: Db, resource: ResourceRef): Promise<CommentCountRow> {
  const { rows } = await sql<{ count: number; threads: number; last_comment_at: Date | null }>`
    select count(*) filter (where c.deleted_at is null) as count,
      count(*) filter (where c.depth = 1) as threads,
      max(c.created_at) filter (where c.deleted_at is null) as last_comment_at
    from comments c
      left join comments p on p.id = c.parent_id
      left join comments r on r.id = c.root_id
    where c.resource_type = ${resource.resourceType} and c.resource_id = ${resource.resourceId}
      and c.hidden_at is null and p.hidden_at is null and r.hidden_at is null`.execute(db);
  const { count, threads, last_comment_at } = rows[0];
  return db
    .updateTable('comment_counts')
    .set((eb) => ({ count, threads, last_comment_at, version: eb('version', '+', 1) }))
    .where('resource_type', '=', resource.resourceType)
    .where('resource_id', '=', resource.resourceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the resource hidden, or shown again: its comments are listed and counted only while it is shown. */
export async function setResourceHidden(db: Db, resource: ResourceRef, hidden: boolean): Promise<CommentCountRow> {
  return db
    .updateTable('comment_counts')
    .set((eb) => ({
      resource_hidden_at: hidden ? sql<Date>`coalesce(resource_hidden_at, now())` : null,
      version: eb('version', '+', 1),
    }))
    .where('resource_type', '=', resource.resourceType)
    .where('resource_id', '=', resource.resourceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The count's event: what the public sees of the resource's comments now (none while it is hidden). */
export function countChanged(
  row: CommentCountRow,
  actor: { personId: string } | null,
): DomainEvent<'debates.commentCount.changed'> {
  const hidden = row.resource_hidden_at !== null;
  return domainEvent(
    'debates.commentCount.changed',
    {
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      processId: row.process_id,
      count: hidden ? 0 : row.count,
      lastCommentAt: hidden ? null : (row.last_comment_at?.toISOString() ?? null),
      version: row.version,
    },
    actor,
  );
}

/** Writes the count's event beside the change that made it. */
export async function announceCount(db: Db, row: CommentCountRow, actor: { personId: string } | null): Promise<void> {
  await addToOutbox(db, countChanged(row, actor));
}
