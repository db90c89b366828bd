import type { ServiceDefinition } from '@convergences/service-runtime';
import { PersonUpdatedHandler } from './authors/person-updated.handler';
import { ProposalPublishedHandler } from './comment/proposal-published.handler';
import { debatesMigrations } from './db/migrations';
import { DebatesModule, moderationEventHandlers } from './debates.module';
import { ParticipationChangedHandler } from './participation/participation-changed.handler';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';

/** Debates; comments on any resource; moderation (reports, hiding, blocks). */
export const debatesService: ServiceDefinition = {
  name: 'debates',
  module: DebatesModule,
  migrations: debatesMigrations,
  eventHandlers: [
    PersonUpdatedHandler,
    PersonDeletedHandler,
    ParticipationChangedHandler,
    ProposalPublishedHandler,
    ...moderationEventHandlers,
  ],
};
