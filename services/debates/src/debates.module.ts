import { Module } from '@nestjs/common';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { CommentHandlers } from './comment/comment.handlers';
import { ProposalPublishedHandler } from './comment/proposal-published.handler';
import { DebateHandlers } from './debate/debate.handlers';
import { ParticipationChangedHandler } from './participation/participation-changed.handler';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';

/** The debates service's handlers and use-cases: debates, comments on any resource, their counts. */
@Module({
  controllers: [DebateHandlers, CommentHandlers, PrivacyHandlers],
  providers: [PersonUpdatedHandler, PersonDeletedHandler, ParticipationChangedHandler, ProposalPublishedHandler],
})
export class DebatesModule {}
