import {
  hasRealmRole,
  type Actor,
  type ProcessRole,
  type ProcessStatus,
  type ProcessVisibility,
} from '@convergences/contracts';
import type { ProcessStanding } from './process-access.repository';

/** The little of a process that says who may see and run it. */
export interface ProcessFrame {
  status: ProcessStatus;
  visibility: ProcessVisibility;
}

/** Platform admins, and the process's own admins, run it. */
export function mayAdminister(actor: Actor | null, standing: ProcessStanding): boolean {
  return hasRealmRole(actor, 'admin') || standing.roles.includes('admin');
}

/** Whoever runs the process or holds any role in it reads everything of it, drafts included. */
export function mayReadAll(actor: Actor | null, standing: ProcessStanding): boolean {
  return mayAdminister(actor, standing) || standing.roles.length > 0;
}

/** Whether the actor holds one of these process roles (platform and process admins hold them all). */
export function holdsRole(actor: Actor | null, standing: ProcessStanding, ...roles: ProcessRole[]): boolean {
  return mayAdminister(actor, standing) || roles.some((role) => standing.roles.includes(role));
}

/**
 * Who sees a process: a draft, its role holders and platform admins; a published or closed
 * public one, everybody; a private one, the people invited to it and its role holders.
 */
export function maySeeProcess(actor: Actor | null, process: ProcessFrame, standing: ProcessStanding): boolean {
  if (mayReadAll(actor, standing)) return true;
  if (process.status === 'draft') return false;
  return process.visibility === 'public' || standing.invited;
}
