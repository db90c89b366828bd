import type { ServiceDefinition } from '@convergences/service-runtime';
import { PersonBlockedHandler, PersonUnblockedHandler } from './access/blocked-people.handlers';
import { processesMigrations } from './db/migrations';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';
import { ProcessesModule } from './processes.module';
import { ProposalCountsHandler } from './proposal-counts/proposal-counts.handler';
import { ProposalHiddenCountsHandler, ProposalShownCountsHandler } from './proposal-counts/proposal-moderated.handlers';
import { statsEventHandlers } from './stats/stats-event-handlers';

/** Participatory processes: phases, territories, themes, process roles, phase rules. */
export const processesService: ServiceDefinition = {
  name: 'processes',
  module: ProcessesModule,
  migrations: processesMigrations,
  eventHandlers: [
    ProposalCountsHandler,
    ProposalHiddenCountsHandler,
    ProposalShownCountsHandler,
    ...statsEventHandlers,
    PersonBlockedHandler,
    PersonUnblockedHandler,
    PersonDeletedHandler,
  ],
};
