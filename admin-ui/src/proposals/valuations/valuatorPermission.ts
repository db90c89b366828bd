import type { AuthProvider } from 'react-admin';
import type { Me } from '../../types';

/**
 * Added to the realm roles of someone who holds the valuator role in at least one process: that
 * role lives in `processes` (read from `GET /me`), not in the token, yet it decides which screens
 * they get.
 */
export const VALUATOR_PERMISSION = 'process-valuator';

export const isValuator = (permissions: unknown): boolean =>
  Array.isArray(permissions) && permissions.includes(VALUATOR_PERMISSION);

/** The processes where the signed-in person values proposals, as `GET /me` lists them. */
export const valuatorProcessesOf = (me: Me | undefined) =>
  (me?.processRoles ?? []).filter((process) => process.roles.includes('valuator'));

/**
 * The auth provider whose permissions also say whether the signed-in person is a valuator
 * somewhere. Without an answer from `GET /me` they are not (the screens they would get need it).
 */
export function withValuatorPermission(authProvider: AuthProvider, getMe: () => Promise<Me>): AuthProvider {
  return {
    ...authProvider,
    async getPermissions(params) {
      const realmRoles: string[] = (await authProvider.getPermissions?.(params)) ?? [];
      // No role at all: nobody is signed in.
      if (realmRoles.length === 0) return realmRoles;
      const me = await getMe().catch(() => undefined);
      return valuatorProcessesOf(me).length > 0 ? [...realmRoles, VALUATOR_PERMISSION] : realmRoles;
    },
  };
}
