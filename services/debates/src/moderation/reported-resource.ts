import { DomainError, type DebateText, type ReportableType } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { commentTargetOf } from '../comment/comment-targets';
import { findListedComment } from '../comment/comment.repository';
import { findDebate } from '../debate/debate.repository';
import { assertMaySeeProcessOf, type VisibilityDeps } from '../participation/process-visibility';
import { findModerationOf, type ModeratedFacts } from './moderation.repository';

const textOf = (text: DebateText | null) => (text ? (text.fr ?? text.en ?? null) : null);

/**
 * The resource a person reports, as they may see it: `not_found` when it does not exist, is
 * hidden, or belongs to a process they may not see (deleted comments are `comment_deleted`).
 * Asked before the report's transaction: proposals and people are other services' answers.
 */
export async function reportedResource(
  deps: VisibilityDeps,
  context: CallContext,
  ref: { resourceType: ReportableType; resourceId: string },
): Promise<ModeratedFacts> {
  const known = await findModerationOf(deps.db, ref);
  if (known?.hidden_at) throw new DomainError('not_found', `No such ${ref.resourceType}.`);
  switch (ref.resourceType) {
    case 'comment': {
      const comment = await findListedComment(deps.db, ref.resourceId);
      if (!comment) throw new DomainError('not_found', 'No such comment.');
      if (comment.deleted_at) throw new DomainError('comment_deleted', 'This comment was deleted by its author.');
      await commentTargetOf(deps, context, { resourceType: comment.resource_type, resourceId: comment.resource_id });
      return {
        ...ref,
        processId: comment.process_id,
        parentResource: { resourceType: comment.resource_type, resourceId: comment.resource_id },
        authorId: comment.author_id,
        title: null,
        excerpt: comment.body,
      };
    }
    case 'debate': {
      const debate = await findDebate(deps.db, ref.resourceId);
      if (!debate || debate.hidden_at) throw new DomainError('not_found', 'No such debate.');
      await assertMaySeeProcessOf(deps, context, debate.process_id, 'debate');
      return {
        ...ref,
        processId: debate.process_id,
        parentResource: null,
        authorId: debate.author_id,
        title: textOf(debate.title),
        excerpt: textOf(debate.description),
      };
    }
    case 'proposal': {
      const proposal = await deps.services.request('proposals.proposal.get', { id: ref.resourceId }, context);
      if (proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
      return {
        ...ref,
        processId: proposal.processId,
        parentResource: null,
        authorId: proposal.authorId,
        title: proposal.title,
        excerpt: proposal.body,
      };
    }
    case 'person': {
      const { existing } = await deps.services.request('members.person.exists', { ids: [ref.resourceId] }, context);
      if (!existing.includes(ref.resourceId)) throw new DomainError('not_found', 'No such person.');
      return { ...ref, processId: null, parentResource: null, authorId: null, title: null, excerpt: null };
    }
  }
}
