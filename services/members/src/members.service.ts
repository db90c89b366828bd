import type { ServiceDefinition } from '@convergences/service-runtime';
import { membersMigrations } from './db/migrations';
import { MembersModule } from './members.module';
import { ProposalCountsHandler } from './person/proposal-counts.handler';
import { ProposalHiddenCountsHandler, ProposalShownCountsHandler } from './person/proposal-moderated.handlers';

/** People, organisations, memberships, verifications, follows. */
export const membersService: ServiceDefinition = {
  name: 'members',
  module: MembersModule,
  migrations: membersMigrations,
  eventHandlers: [ProposalCountsHandler, ProposalHiddenCountsHandler, ProposalShownCountsHandler],
};
