import type { ServiceDefinition } from '@convergences/service-runtime';
import { evaluationsMigrations } from './db/migrations';
import { EvaluationsModule } from './evaluations.module';
import { organizationReadModelHandlers } from './organization/organization-read-model.handlers';
import { PersonDeletedHandler } from './privacy/person-deleted.handler';

/** Social-utility frameworks, campaigns, self and peer assessments, progress plans, proposal valuations. */
export const evaluationsService: ServiceDefinition = {
  name: 'evaluations',
  module: EvaluationsModule,
  migrations: evaluationsMigrations,
  eventHandlers: [PersonDeletedHandler, ...organizationReadModelHandlers],
};
