import type { AuthProvider } from 'react-admin';
import type { Me } from '../types';

/**
 * Added to the realm roles of someone who moderates at least one process (as its moderator or
 * admin): those roles live in `processes` (read from `GET /me`), not in the token.
 */
export const MODERATOR_PERMISSION = 'process-moderator';

export const isModerator = (permissions: unknown): boolean =>
  Array.isArray(permissions) && (permissions.includes(MODERATOR_PERMISSION) || permissions.includes('admin'));

/** The processes the signed-in person moderates, as `GET /me` lists them. */
export const moderatedProcessesOf = (me: Me | undefined) =>
  (me?.processRoles ?? []).filter((process) => process.roles.includes('moderator') || process.roles.includes('admin'));

/** The auth provider whose permissions also say whether the signed-in person moderates a process. */
export function withModeratorPermission(authProvider: AuthProvider, getMe: () => Promise<Me>): AuthProvider {
  return {
    ...authProvider,
    async getPermissions(params) {
      const permissions: string[] = (await authProvider.getPermissions?.(params)) ?? [];
      if (permissions.length === 0) return permissions;
      const me = await getMe().catch(() => undefined);
      return moderatedProcessesOf(me).length > 0 ? [...permissions, MODERATOR_PERMISSION] : permissions;
    },
  };
}
