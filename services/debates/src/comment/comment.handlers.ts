import type { Comment, CommentThread, CommentVotes, Page, ParsedRequestOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import type { VisibilityDeps } from '../participation/process-visibility';
import { createComment } from './create-comment';
import { deleteComment } from './delete-comment';
import { listComments } from './list-comments';
import { updateComment } from './update-comment';
import { unvoteComment, voteComment } from './vote-comment';

@Controller()
export class CommentHandlers {
  private readonly deps: VisibilityDeps;

  constructor(@Inject(DATABASE) db: Kysely<DebatesDatabase>, @Inject(SERVICE_CLIENT) services: ServiceClient) {
    this.deps = { db, services };
  }

  @Handles('debates.comment.list')
  list(query: ParsedRequestOf<'debates.comment.list'>, context: RequestContext): Promise<Page<CommentThread>> {
    return listComments(this.deps, context, query);
  }

  @Handles('debates.comment.create')
  create(body: ParsedRequestOf<'debates.comment.create'>, context: RequestContext): Promise<Comment> {
    return createComment(this.deps, context, body);
  }

  @Handles('debates.comment.update')
  update(body: ParsedRequestOf<'debates.comment.update'>, context: RequestContext): Promise<Comment> {
    return updateComment(this.deps, context, body);
  }

  @Handles('debates.comment.delete')
  delete(body: ParsedRequestOf<'debates.comment.delete'>, context: RequestContext): Promise<Comment> {
    return deleteComment(this.deps, context, body);
  }

  @Handles('debates.comment.vote')
  vote(body: ParsedRequestOf<'debates.comment.vote'>, context: RequestContext): Promise<CommentVotes> {
    return voteComment(this.deps, context, body);
  }

  @Handles('debates.comment.unvote')
  unvote(body: ParsedRequestOf<'debates.comment.unvote'>, context: RequestContext): Promise<CommentVotes> {
    return unvoteComment(this.deps, context, body);
  }
}
