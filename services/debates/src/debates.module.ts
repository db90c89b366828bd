import { Module } from '@nestjs/common';
import { ActivityHandlers } from './activity/activity.handlers';
import { activityHandlers } from './activity/activity-recorded.handler';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { CommentHandlers } from './comment/comment.handlers';
import { ProposalPublishedHandler } from './comment/proposal-published.handler';
import { DebateHandlers } from './debate/debate.handlers';
import { ModerationHandlers } from './moderation/moderation.handlers';
import { PersonBlockedHandler, PersonUnblockedHandler } from './moderation/person-block.handlers';
import { ProposalKnownHandler } from './moderation/proposal-known.handler';
import { ParticipationChangedHandler } from './participation/participation-changed.handler';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { PrivacyHandlers } from './privacy/privacy.handlers';

/** The event handlers of moderation and of the activity log. */
export const moderationEventHandlers = [
  ProposalKnownHandler,
  PersonBlockedHandler,
  PersonUnblockedHandler,
  ...activityHandlers,
];

/** The debates service's handlers and use-cases: debates, comments on any resource, their counts, moderation. */
@Module({
  controllers: [DebateHandlers, CommentHandlers, PrivacyHandlers, ModerationHandlers, ActivityHandlers],
  providers: [
    PersonUpdatedHandler,
    PersonDeletedHandler,
    ParticipationChangedHandler,
    ProposalPublishedHandler,
    ...moderationEventHandlers,
  ],
})
export class DebatesModule {}
