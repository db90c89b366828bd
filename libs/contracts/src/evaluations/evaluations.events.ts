import type { EventContract } from '../message-contract';
import { frameworkAdoptedSchema } from './framework';

/** Events of the evaluations service. */
export const evaluationsEvents = {
  /** A framework version adopted: frozen from now on, ready for campaigns. */
  'evaluations.framework.adopted': { schemaVersion: 1, data: frameworkAdoptedSchema },
} as const satisfies Record<string, EventContract>;
