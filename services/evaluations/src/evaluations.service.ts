import type { ServiceDefinition } from '@convergences/service-runtime';
import { EvaluationsModule } from './evaluations.module';

/** Social-utility frameworks, campaigns, self and peer assessments, progress plans, proposal valuations. */
export const evaluationsService: ServiceDefinition = {
  name: 'evaluations',
  module: EvaluationsModule,
  migrations: {},
};
