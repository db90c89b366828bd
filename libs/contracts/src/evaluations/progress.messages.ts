import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import {
  createProgressActionRequestSchema,
  progressActionIdSchema,
  progressActionListQuerySchema,
  progressActionSchema,
  updateProgressActionRequestSchema,
} from './progress';

/** Messages of the evaluations service about progress plans (démarche de progrès). */
export const progressMessages = {
  /** The subject's members and the campaign's coordinators (and platform admins), once it is in review or closed. */
  'evaluations.progressAction.create': { request: createProgressActionRequestSchema, response: progressActionSchema },
  /** The organisation's members now and the coordinators of the campaign it was recorded in, at any time. */
  'evaluations.progressAction.update': { request: updateProgressActionRequestSchema, response: progressActionSchema },
  /** Its organisation's members; the coordinators, committee and assigned peers of the lineage's campaigns on it. */
  'evaluations.progressAction.get': { request: progressActionIdSchema, response: progressActionSchema },
  /** What the caller may read of the above, filtered. */
  'evaluations.progressAction.list': {
    request: progressActionListQuerySchema,
    response: pageSchema(progressActionSchema),
  },
} as const satisfies Record<string, MessageContract>;
