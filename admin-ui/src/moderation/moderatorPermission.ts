import type { AuthProvider } from 'react-admin';
import { processesWithRole, withProcessRolePermission } from '../common';
import type { Me } from '../types';

/**
 * Added to the realm roles of someone who moderates at least one process (as its moderator or
 * admin): those roles live in `processes` (read from `GET /me`), not in the token.
 */
export const MODERATOR_PERMISSION = 'process-moderator';

export const isModerator = (permissions: unknown): boolean =>
  Array.isArray(permissions) && (permissions.includes(MODERATOR_PERMISSION) || permissions.includes('admin'));

const MODERATING_ROLES = ['moderator', 'admin'] as const;

/** The processes the signed-in person moderates, as `GET /me` lists them. */
export const moderatedProcessesOf = (me: Me | undefined) => processesWithRole(me, MODERATING_ROLES);

/** The auth provider whose permissions also say whether the signed-in person moderates a process. */
export const withModeratorPermission = (authProvider: AuthProvider, getMe: () => Promise<Me>): AuthProvider =>
  withProcessRolePermission(authProvider, getMe, MODERATING_ROLES, MODERATOR_PERMISSION);
