import type { Transaction } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import {
  announceCount,
  ensureCountRow,
  lockCountRow,
  setResourceHidden,
  type ResourceRef,
} from './comment-counts.repository';

type Trx = Transaction<DebatesDatabase>;

/**
 * Moderation hides a resource's comments with the resource (a hidden proposal, a hidden debate),
 * or shows them again, inside its own transaction: its thread answers `not_found`, it takes no
 * comment, and its count's event says 0 (then the count again). Answers whether it changed anything.
 */
async function setCommentsHidden(
  trx: Trx,
  resource: ResourceRef & { processId: string },
  hidden: boolean,
  actor: { personId: string } | null,
): Promise<boolean> {
  await ensureCountRow(trx, resource);
  const current = (await lockCountRow(trx, resource))!;
  if ((current.resource_hidden_at !== null) === hidden) return false;
  await announceCount(trx, await setResourceHidden(trx, resource, hidden), actor);
  return true;
}

export function hideCommentsOf(
  trx: Trx,
  resource: ResourceRef & { processId: string },
  actor: { personId: string } | null,
): Promise<boolean> {
  return setCommentsHidden(trx, resource, true, actor);
}

export function unhideCommentsOf(
  trx: Trx,
  resource: ResourceRef & { processId: string },
  actor: { personId: string } | null,
): Promise<boolean> {
  return setCommentsHidden(trx, resource, false, actor);
}
