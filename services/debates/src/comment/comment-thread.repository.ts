import type { CommentSort } from '@convergences/contracts';
import { sql, type Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import type { ResourceRef } from './comment-counts.repository';
import type { CommentRow } from './comment.repository';

/** Each top-level order, as its partial index holds it (ties broken by time, then id). */
const topLevelOrders: Record<CommentSort, string> = {
  oldest: 'c.created_at asc, c.id asc',
  recent: 'c.created_at desc, c.id desc',
  bestRated: 'c.score desc, c.created_at asc, c.id asc',
  mostDiscussed: 'c.thread_count desc, c.created_at asc, c.id asc',
};

export interface ThreadPageRequest {
  resource: ResourceRef;
  /** Page this comment's replies instead of the top level (always oldest first). */
  parentId?: string;
  sort: CommentSort;
  page: number;
  perPage: number;
  /** First replies read under each comment of the page, and under each of those. */
  replies: number;
  /** Whose votes to show. */
  viewerId: string | null;
}

/** A comment of a thread page: `tier` 1 for the page's own, 2 for their replies, 3 for the replies of those. */
export type ThreadRow = CommentRow & { tier: 1 | 2 | 3 };

/**
 * One page of a thread in one statement: the page read in its index's order, then at most
 * `replies` listed replies under each of its comments and under each of those (a lateral index
 * read per parent), with authors' names and the viewer's votes. Nothing is counted here: the
 * totals are kept on the rows.
 */
export async function threadPage(db: Kysely<DebatesDatabase>, request: ThreadPageRequest): Promise<ThreadRow[]> {
  const { resource, parentId } = request;
  const level = parentId
    ? sql`c.parent_id = ${parentId} and c.hidden_at is null`
    : sql`c.resource_type = ${resource.resourceType} and c.resource_id = ${resource.resourceId}
        and c.parent_id is null and c.hidden_at is null`;
  const order = sql.raw(parentId ? topLevelOrders.oldest : topLevelOrders[request.sort]);
  const replies = (
    tier: string,
  ) => sql`select r.*, row_number() over (partition by r.parent_id order by r.created_at, r.id) as ord
    from ${sql.raw(tier)} p cross join lateral (
      select * from comments r where r.parent_id = p.id and r.hidden_at is null
      order by r.created_at, r.id limit ${request.replies}) r`;
  const { rows } = await sql<ThreadRow>`with page as (
      select c.*, row_number() over () as ord from (
        select * from comments c where ${level}
        order by ${order} limit ${request.perPage} offset ${(request.page - 1) * request.perPage}) c
    ), second as (${replies('page')}), third as (${replies('second')})
    select t.*, a.display_name as author_name, v.value as my_vote
    from (select 1 as tier, * from page union all select 2, * from second union all select 3, * from third) t
      left join authors a on a.person_id = t.author_id
      left join comment_votes v on v.comment_id = t.id and v.person_id = ${request.viewerId}::uuid
    order by t.tier, t.ord`.execute(db);
  return rows;
}
