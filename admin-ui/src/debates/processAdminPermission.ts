import type { AuthProvider } from 'react-admin';
import { isAdmin } from '../authProvider';
import type { Me } from '../types';

/**
 * Added to the realm roles of someone who is an admin of at least one process: that role lives in
 * `processes` (read from `GET /me`), not in the token, yet it opens the debates' screens.
 */
export const PROCESS_ADMIN_PERMISSION = 'process-admin';

/** Platform admins and the admins of a process run that process's debates. */
export const isDebateAdmin = (permissions: unknown): boolean =>
  isAdmin(permissions) || (Array.isArray(permissions) && permissions.includes(PROCESS_ADMIN_PERMISSION));

/** The processes the signed-in person administers, as `GET /me` lists them. */
export const administeredProcessesOf = (me: Me | undefined) =>
  (me?.processRoles ?? []).filter((process) => process.roles.includes('admin'));

/** The auth provider whose permissions also say whether the signed-in person administers a process. */
export function withProcessAdminPermission(authProvider: AuthProvider, getMe: () => Promise<Me>): AuthProvider {
  return {
    ...authProvider,
    async getPermissions(params) {
      const permissions: string[] = (await authProvider.getPermissions?.(params)) ?? [];
      // No role at all: nobody is signed in.
      if (permissions.length === 0) return permissions;
      const me = await getMe().catch(() => undefined);
      return administeredProcessesOf(me).length > 0 ? [...permissions, PROCESS_ADMIN_PERMISSION] : permissions;
    },
  };
}
