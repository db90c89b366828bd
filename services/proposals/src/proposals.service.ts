import type { ServiceDefinition } from '@convergences/service-runtime';
import { PersonRegisteredHandler } from './authors/person-registered.handler';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { CommentCountChangedHandler } from './comments/comment-count-changed.handler';
import { proposalsMigrations } from './db/migrations';
import { ParticipationChangedHandler } from './participation/participation-changed.handler';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { ProposalsModule } from './proposals.module';
import { ContentModeratedHandler } from './moderation/content-moderated.handler';

/** Proposals, supports, endorsements, official answers, valuator assignment. */
export const proposalsService: ServiceDefinition = {
  name: 'proposals',
  module: ProposalsModule,
  migrations: proposalsMigrations,
  eventHandlers: [
    PersonRegisteredHandler,
    PersonUpdatedHandler,
    PersonDeletedHandler,
    ParticipationChangedHandler,
    CommentCountChangedHandler,
    ContentModeratedHandler,
  ],
};
