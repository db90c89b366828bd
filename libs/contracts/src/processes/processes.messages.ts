import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  createProcessRequestSchema,
  processIdSchema,
  processListQuerySchema,
  processRefSchema,
  processSchema,
} from './process';

/** Messages of the processes service. */
export const processesMessages = {
  'processes.process.create': { request: createProcessRequestSchema, response: processSchema },
  'processes.process.list': { request: processListQuerySchema, response: pageSchema(processSchema) },
  'processes.process.get': { request: processRefSchema, response: processSchema },
  'processes.process.publish': { request: processIdSchema, response: processSchema },
} as const satisfies Record<string, MessageContract>;
