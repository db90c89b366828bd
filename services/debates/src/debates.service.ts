import type { ServiceDefinition } from '@convergences/service-runtime';
import { DebatesModule } from './debates.module';

/** Debates; comments on any resource; moderation (reports, hiding, blocks). */
export const debatesService: ServiceDefinition = {
  name: 'debates',
  module: DebatesModule,
  migrations: {},
};
