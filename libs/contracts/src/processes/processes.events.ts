import type { EventContract } from '../message-contract';
import { processChangedSchema } from './process';

/** Events of the processes service. */
export const processesEvents = {
  'processes.process.created': { schemaVersion: 1, data: processChangedSchema },
  'processes.process.published': { schemaVersion: 1, data: processChangedSchema },
} as const satisfies Record<string, EventContract>;
