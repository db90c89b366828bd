import {
  DomainError,
  type Comment,
  type CommentThread,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { VisibilityDeps } from '../participation/process-visibility';
import { commentTargetOf } from './comment-targets';
import { threadPage, type ThreadRow } from './comment-thread.repository';
import { findListedComment, toComment } from './comment.repository';

/**
 * A page of a resource's top-level comments in the order asked, each with its first replies and
 * theirs (oldest first); or, with `parentId`, a page of that comment's replies. Deleted comments
 * keep their place; hidden ones, and everything under them, are not there. Where the active phase
 * does not enable comments, they are not shown (`phase_closed`).
 */
export async function listComments(
  deps: VisibilityDeps,
  context: CallContext,
  query: ParsedRequestOf<'debates.comment.list'>,
): Promise<Page<CommentThread>> {
  const resource = { resourceType: query.resourceType, resourceId: query.resourceId };
  const target = await commentTargetOf(deps, context, resource);
  if (!target.shown) {
    throw new DomainError('phase_closed', 'Comments are not shown in the current phase of this process.', {
      processId: target.processId,
    });
  }
  let total = target.threads;
  if (query.parentId) {
    const parent = await findListedComment(deps.db, query.parentId);
    if (!parent || parent.resource_type !== resource.resourceType || parent.resource_id !== resource.resourceId) {
      throw new DomainError('validation_failed', 'The query is invalid.', undefined, [
        { path: 'parentId', message: `No such comment on this ${resource.resourceType}.` },
      ]);
    }
    total = parent.replies_count;
  }
  const rows = await threadPage(deps.db, {
    resource,
    ...(query.parentId ? { parentId: query.parentId } : {}),
    sort: query.sort,
    page: query.page,
    perPage: query.perPage,
    replies: query.replies,
    viewerId: context.actor?.personId ?? null,
  });
  return { data: threadsOf(rows), meta: { total, page: query.page, perPage: query.perPage } };
}

/** Puts each reply under its parent, in the order read. */
function threadsOf(rows: ThreadRow[]): CommentThread[] {
  const page: CommentThread[] = [];
  const second = new Map<string, Comment & { replies: Comment[] }>();
  const first = new Map<string, CommentThread>();
  for (const row of rows) {
    const comment = toComment(row);
    if (row.tier === 1) {
      const thread = { ...comment, replies: [] };
      page.push(thread);
      first.set(row.id, thread);
    } else if (row.tier === 2) {
      const reply = { ...comment, replies: [] };
      first.get(row.parent_id!)!.replies.push(reply);
      second.set(row.id, reply);
    } else {
      second.get(row.parent_id!)!.replies.push(comment);
    }
  }
  return page;
}
