import { assertPlatformAdmin, type Actor } from '@convergences/contracts';

/** Themes are read by everyone; only platform admins create and change them. */
export function assertMayManageThemes(actor: Actor | null): asserts actor is Actor {
  assertPlatformAdmin(actor, 'manage themes');
}
