import { assertPlatformAdmin, type Actor } from '@convergences/contracts';

/** Territories are read by everyone; only platform admins create and change them. */
export function assertMayManageTerritories(actor: Actor | null): asserts actor is Actor {
  assertPlatformAdmin(actor, 'manage territories');
}
