import { z } from 'zod';
import { listQuerySchema } from '../pagination';

const datetime = z.iso.datetime({ offset: true });

/** The services whose administration actions the activity log records. */
export const activityServices = ['members', 'processes', 'proposals', 'debates'] as const;
export const activityServiceSchema = z.enum(activityServices);
export type ActivityService = z.infer<typeof activityServiceSchema>;

/** What an action is about, by name (`person`, `process`, `comment`, `proposal`, …). */
const resourceTypeSchema = z.string().regex(/^[a-z][a-z_]{1,39}$/);
/** An action, `<resource>.<verb>` (`person.blocked`, `process.published`, `comment.hidden`). */
export const activityActionSchema = z.string().regex(/^[a-z][a-zA-Z_]{1,39}\.[a-z][a-zA-Z_]{1,39}$/);

/**
 * One moderation or administration action, as any service writes it to its outbox as
 * `<service>.activity.recorded`: who did what to which resource (in which process), and why.
 */
export const activityRecordedSchema = z.object({
  action: activityActionSchema,
  /** Who acted (`null`: the platform itself, e.g. hiding at the report threshold). */
  actorId: z.uuid().nullable(),
  /** Their name as it was then, so the log reads without asking anybody. */
  actorName: z.string().nullable(),
  resourceType: resourceTypeSchema,
  resourceId: z.uuid(),
  processId: z.uuid().nullable(),
  /** The justification given, when there is one. */
  reason: z.string().max(2000).nullable(),
  /** What else tells the action apart (a role, a verification kind, an answer's state). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type ActivityRecorded = z.infer<typeof activityRecordedSchema>;

/** An entry of the activity log. */
export const activityEntrySchema = activityRecordedSchema.extend({
  id: z.uuid(),
  service: activityServiceSchema,
  occurredAt: datetime,
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityListQuerySchema = listQuerySchema(['recent', 'oldest'] as const, 'recent').extend({
  service: activityServiceSchema.optional(),
  action: activityActionSchema.optional(),
  actorId: z.uuid().optional(),
  resourceType: resourceTypeSchema.optional(),
  resourceId: z.uuid().optional(),
  processId: z.uuid().optional(),
  from: datetime.optional(),
  to: datetime.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

/**
 * The activity a service records for an action of `actor` (or of the platform itself when
 * `null`): its writer adds it to the outbox as `<service>.activity.recorded` beside the change.
 */
export function activityOf(
  actor: { personId: string; displayName?: string } | null,
  entry: Omit<ActivityRecorded, 'actorId' | 'actorName' | 'details' | 'processId' | 'reason'> &
    Partial<Pick<ActivityRecorded, 'details' | 'processId' | 'reason'>>,
): ActivityRecorded {
  return {
    actorId: actor?.personId ?? null,
    actorName: actor?.displayName ?? null,
    processId: null,
    reason: null,
    details: {},
    ...entry,
  };
}
