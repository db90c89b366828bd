import { activityOf, type DomainEvent } from '@convergences/contracts';
import { domainEvent } from '@convergences/events';

/**
 * The platform's activity log entry for an administration action of this service, written to
 * the outbox beside the change it records (the debates service keeps the log).
 */
export function activityRecorded(
  actor: { personId: string; displayName?: string } | null,
  entry: Parameters<typeof activityOf>[1],
): DomainEvent<'proposals.activity.recorded'> {
  return domainEvent('proposals.activity.recorded', activityOf(actor, entry), actor);
}
