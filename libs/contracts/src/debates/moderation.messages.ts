import type { MessageContract } from '../message-contract';
import { pageSchema } from '../pagination';
import { activityEntrySchema, activityListQuerySchema } from './activity';
import {
  createReportRequestSchema,
  moderationActionRequestSchema,
  moderationDetailSchema,
  moderationIdSchema,
  moderationListQuerySchema,
  moderationSchema,
  reportSchema,
} from './moderation';

/** Messages of the debates service about moderation and the activity log. */
export const moderationMessages = {
  /** A signed-in person reports content or a person: once per resource; the threshold hides it. */
  'debates.report.create': { request: createReportRequestSchema, response: reportSchema },
  /** The queue: reported (or hidden) resources the caller moderates. */
  'debates.moderation.list': { request: moderationListQuerySchema, response: pageSchema(moderationSchema) },
  'debates.moderation.get': { request: moderationIdSchema, response: moderationDetailSchema },
  /** A moderator hides the resource (and its comments); the author is told why. */
  'debates.moderation.hide': { request: moderationActionRequestSchema, response: moderationSchema },
  /** A moderator shows it again. */
  'debates.moderation.unhide': { request: moderationActionRequestSchema, response: moderationSchema },
  /** A moderator dismisses its pending reports (shown again when the reports had hidden it). */
  'debates.moderation.dismiss': { request: moderationActionRequestSchema, response: moderationSchema },
  /** The platform's activity log, for platform admins. */
  'debates.activity.list': { request: activityListQuerySchema, response: pageSchema(activityEntrySchema) },
} as const satisfies Record<string, MessageContract>;
