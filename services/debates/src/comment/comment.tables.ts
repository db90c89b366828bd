import type { CommentableType } from '@convergences/contracts';
import type { ColumnType, Generated } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * A comment on a resource, in a thread three deep: `parent_id` is the comment it sits under,
 * `root_id` the top-level comment of its thread (both null at the top), `reply_to_id` the
 * comment it answers when that is a third-level one (it is then attached beside it).
 */
export interface CommentsTable {
  id: string;
  resource_type: CommentableType;
  resource_id: string;
  process_id: string;
  parent_id: string | null;
  root_id: string | null;
  reply_to_id: string | null;
  depth: number;
  author_id: string;
  /** Empty once deleted. */
  body: string;
  locale: 'fr' | 'en';
  alignment: number | null;
  upvotes: Generated<number>;
  downvotes: Generated<number>;
  /** `upvotes - downvotes`, generated: the order of `bestRated`. */
  score: ColumnType<number, never, never>;
  /** Listed replies directly under it (deleted ones included). */
  replies_count: Generated<number>;
  /** For a top-level comment: every listed comment of its thread under it (the order of `mostDiscussed`). */
  thread_count: Generated<number>;
  created_at: Generated<Date>;
  edited_at: Nullable<Date>;
  deleted_at: Nullable<Date>;
  /** Hidden by moderation: neither it nor anything under it is listed or counted. */
  hidden_at: Nullable<Date>;
}

/** One person's vote on a comment: `1` up, `-1` down. */
export interface CommentVotesTable {
  comment_id: string;
  person_id: string;
  value: number;
  created_at: Generated<Date>;
}

/**
 * One row per commentable resource: its process, the comments it shows and when the last was
 * written, the number of listed threads (top-level comments), and a version that grows with each
 * change of the count and travels with the count's event. `resource_hidden_at` is set by
 * moderation when the resource itself is hidden (for proposals, the only trace of it here).
 */
export interface CommentCountsTable {
  resource_type: CommentableType;
  resource_id: string;
  process_id: string;
  count: Generated<number>;
  threads: Generated<number>;
  last_comment_at: Nullable<Date>;
  version: Generated<number>;
  resource_hidden_at: Nullable<Date>;
}

export interface CommentTables {
  comments: CommentsTable;
  comment_votes: CommentVotesTable;
  comment_counts: CommentCountsTable;
}
