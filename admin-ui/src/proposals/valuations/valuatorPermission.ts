import type { AuthProvider } from 'react-admin';
import { processesWithRole, withProcessRolePermission } from '../../common';
import type { Me } from '../../types';

/**
 * Added to the realm roles of someone who holds the valuator role in at least one process: that
 * role lives in `processes` (read from `GET /me`), not in the token, yet it decides which screens
 * they get.
 */
export const VALUATOR_PERMISSION = 'process-valuator';

export const isValuator = (permissions: unknown): boolean =>
  Array.isArray(permissions) && permissions.includes(VALUATOR_PERMISSION);

const VALUATOR_ROLES = ['valuator'] as const;

/** The processes where the signed-in person values proposals, as `GET /me` lists them. */
export const valuatorProcessesOf = (me: Me | undefined) => processesWithRole(me, VALUATOR_ROLES);

/**
 * The auth provider whose permissions also say whether the signed-in person is a valuator
 * somewhere. Without an answer from `GET /me` they are not (the screens they would get need it).
 */
export const withValuatorPermission = (authProvider: AuthProvider, getMe: () => Promise<Me>): AuthProvider =>
  withProcessRolePermission(authProvider, getMe, VALUATOR_ROLES, VALUATOR_PERMISSION);
