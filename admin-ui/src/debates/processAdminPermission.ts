import type { AuthProvider } from 'react-admin';
import { isAdmin } from '../authProvider';
import { processesWithRole, withProcessRolePermission } from '../common';
import type { Me } from '../types';

/**
 * Added to the realm roles of someone who is an admin of at least one process: that role lives in
 * `processes` (read from `GET /me`), not in the token, yet it opens the debates' screens.
 */
export const PROCESS_ADMIN_PERMISSION = 'process-admin';

/** Platform admins and the admins of a process run that process's debates. */
export const isDebateAdmin = (permissions: unknown): boolean =>
  isAdmin(permissions) || (Array.isArray(permissions) && permissions.includes(PROCESS_ADMIN_PERMISSION));

const ADMIN_ROLES = ['admin'] as const;

/** The processes the signed-in person administers, as `GET /me` lists them. */
export const administeredProcessesOf = (me: Me | undefined) => processesWithRole(me, ADMIN_ROLES);

/** The auth provider whose permissions also say whether the signed-in person administers a process. */
export const withProcessAdminPermission = (authProvider: AuthProvider, getMe: () => Promise<Me>): AuthProvider =>
  withProcessRolePermission(authProvider, getMe, ADMIN_ROLES, PROCESS_ADMIN_PERMISSION);
