import type { ServiceDefinition } from '@convergences/service-runtime';
import { processesMigrations } from './db/migrations';
import { ProcessesModule } from './processes.module';
import { ProposalCountsHandler } from './proposal-counts/proposal-counts.handler';

/** Participatory processes: phases, territories, themes, process roles, phase rules. */
export const processesService: ServiceDefinition = {
  name: 'processes',
  module: ProcessesModule,
  migrations: processesMigrations,
  eventHandlers: [ProposalCountsHandler],
};
