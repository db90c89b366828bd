import type { Comment, CommentVoteValue } from '@convergences/contracts';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import type { CommentFacts } from './comment.policy';
import type { CommentsTable } from './comment.tables';

type Db = Kysely<DebatesDatabase>;

/** A comment with its author's name and, for whoever asks, their vote on it (`1`, `-1`). */
export type CommentRow = Selectable<CommentsTable> & { author_name: string | null; my_vote?: number | null };

/**
 * A comment with whether it is listed: neither it nor a comment above it hidden (threads are
 * three deep, so its parent and its root are all there is above it).
 */
export async function findComment(db: Db, id: string): Promise<(CommentRow & { listed: boolean }) | undefined> {
  const { rows } = await sql<CommentRow & { listed: boolean }>`select c.*, a.display_name as author_name,
      (c.hidden_at is null and p.hidden_at is null and r.hidden_at is null) as listed
    from comments c
      left join comments p on p.id = c.parent_id
      left join comments r on r.id = c.root_id
      left join authors a on a.person_id = c.author_id
    where c.id = ${id}`.execute(db);
  return rows[0];
}

/** A listed comment, or `undefined` (hidden ones do not exist for the public). */
export async function findListedComment(db: Db, id: string): Promise<CommentRow | undefined> {
  const row = await findComment(db, id);
  return row?.listed ? row : undefined;
}

export async function lockComment(db: Db, id: string): Promise<Selectable<CommentsTable> | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertComment(db: Db, comment: Insertable<CommentsTable>): Promise<void> {
  await db.insertInto('comments').values(comment).execute();
}

/** A new reply: one more under its parent, one more in its thread. */
export async function countReply(db: Db, parentId: string, rootId: string): Promise<void> {
  await db
    .updateTable('comments')
    .set((eb) => ({ replies_count: eb('replies_count', '+', 1) }))
    .where('id', '=', parentId)
    .execute();
  await db
    .updateTable('comments')
    .set((eb) => ({ thread_count: eb('thread_count', '+', 1) }))
    .where('id', '=', rootId)
    .execute();
}

/** Counts again the listed replies directly under a comment (after one of them was hidden or shown). */
export async function recountReplies(db: Db, commentId: string): Promise<void> {
  await sql`update comments set replies_count = (select count(*) from comments c
      where c.parent_id = ${commentId} and c.hidden_at is null)
    where id = ${commentId}`.execute(db);
}

/** Counts again the listed comments of a thread under its top-level comment. */
export async function recountThread(db: Db, rootId: string): Promise<void> {
  await sql`update comments set thread_count = (select count(*) from comments c
      left join comments p on p.id = c.parent_id
      where c.root_id = ${rootId} and c.hidden_at is null and p.hidden_at is null)
    where id = ${rootId}`.execute(db);
}

export function factsOf(row: Selectable<CommentsTable>): CommentFacts {
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    authorId: row.author_id,
    depth: row.depth,
    parentId: row.parent_id,
    rootId: row.root_id,
    deleted: row.deleted_at !== null,
  };
}

export function voteValueOf(value: number | null | undefined): CommentVoteValue | null {
  return value === 1 ? 'up' : value === -1 ? 'down' : null;
}

/** A comment as anybody sees it: once deleted, its place without its author or text. */
export function toComment(row: CommentRow): Comment {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    parentId: row.parent_id,
    replyToId: row.reply_to_id,
    depth: row.depth,
    authorId: deleted ? null : row.author_id,
    authorName: deleted ? null : (row.author_name ?? ''),
    body: deleted ? null : row.body,
    locale: row.locale,
    alignment: row.alignment as Comment['alignment'],
    upvotes: row.upvotes,
    downvotes: row.downvotes,
    myVote: voteValueOf(row.my_vote),
    repliesCount: row.replies_count,
    edited: row.edited_at !== null,
    deleted,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}
