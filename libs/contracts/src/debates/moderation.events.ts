import type { EventContract } from '../message-contract';
import { activityRecordedSchema } from './activity';
import { resourceModeratedSchema } from './moderation';

/** Events of moderation, and the administration actions every service reports to the activity log. */
export const moderationEvents = {
  /** A proposal, debate or comment hidden or shown again (`hidden`), with why. */
  'debates.content.moderated': { schemaVersion: 1, data: resourceModeratedSchema },
  'members.activity.recorded': { schemaVersion: 1, data: activityRecordedSchema },
  'processes.activity.recorded': { schemaVersion: 1, data: activityRecordedSchema },
  'proposals.activity.recorded': { schemaVersion: 1, data: activityRecordedSchema },
} as const satisfies Record<string, EventContract>;
