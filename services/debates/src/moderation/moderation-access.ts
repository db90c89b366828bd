import { assertAllowed, assertPlatformAdmin, hasRealmRole, type Actor } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { assertSignedIn } from './moderation.policy';

/**
 * Whether the caller moderates this content: a process's content by its moderators (and platform
 * admins, as `processes` answers `moderate`); people and content outside any process by platform
 * admins alone.
 */
export async function assertMayModerate(
  services: ServiceClient,
  context: CallContext,
  processId: string | null,
): Promise<Actor> {
  assertSignedIn(context.actor, 'moderate');
  if (processId === null) {
    assertPlatformAdmin(context.actor, 'moderate people and content outside processes');
    return context.actor;
  }
  if (hasRealmRole(context.actor, 'admin')) return context.actor;
  assertAllowed(await services.request('processes.permission.check', { processId, action: 'moderate' }, context));
  return context.actor;
}

/** The processes whose content the caller moderates, as a moderator or their admin (`all` for platform admins). */
export async function moderatedProcesses(services: ServiceClient, context: CallContext): Promise<'all' | string[]> {
  assertSignedIn(context.actor, 'moderate');
  if (hasRealmRole(context.actor, 'admin')) return 'all';
  const { data } = await services.request('processes.role.listMine', { personId: context.actor.personId }, context);
  return data
    .filter((role) => role.roles.includes('moderator') || role.roles.includes('admin'))
    .map((role) => role.processId);
}
