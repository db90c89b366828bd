import type { AuthProvider } from 'react-admin';
import type { Me, ProcessRole } from '../types';

/** The processes where `GET /me` gives the signed-in person one of these roles. */
export const processesWithRole = (me: Me | undefined, roles: readonly ProcessRole[]) =>
  (me?.processRoles ?? []).filter((process) => process.roles.some((role) => roles.includes(role)));

/**
 * The auth provider whose permissions also hold `permission` when the signed-in person has one of
 * `roles` in at least one process: those roles live in `processes` (read from `GET /me`), not in
 * the token. Without an answer from `GET /me` they do not.
 */
export function withProcessRolePermission(
  authProvider: AuthProvider,
  getMe: () => Promise<Me>,
  roles: readonly ProcessRole[],
  permission: string,
): AuthProvider {
  return {
    ...authProvider,
    async getPermissions(params) {
      const permissions: string[] = (await authProvider.getPermissions?.(params)) ?? [];
      // No role at all: nobody is signed in.
      if (permissions.length === 0) return permissions;
      const me = await getMe().catch(() => undefined);
      return processesWithRole(me, roles).length > 0 ? [...permissions, permission] : permissions;
    },
  };
}
