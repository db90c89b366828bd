import type { Transaction } from 'kysely';
import { hideCommentsOf, unhideCommentsOf } from '../comment/hide-comments-of';
import type { DebatesDatabase } from '../db/schema';
import { lockDebate, updateDebate } from './debate.repository';

type Trx = Transaction<DebatesDatabase>;

/**
 * Moderation hides a debate, or shows it again, inside its own transaction: it leaves every list
 * and read (`not_found`), and its comments with it (see `hideCommentsOf`). The debate's row is
 * locked before its count row, the order every comment on it takes. Answers whether it changed anything.
 */
async function setDebateHidden(trx: Trx, debateId: string, hidden: boolean, actor: { personId: string } | null) {
  const debate = await lockDebate(trx, debateId);
  if (!debate || (debate.hidden_at !== null) === hidden) return false;
  await updateDebate(trx, debateId, { hidden_at: hidden ? new Date() : null });
  const resource = { resourceType: 'debate' as const, resourceId: debateId, processId: debate.process_id };
  await (hidden ? hideCommentsOf : unhideCommentsOf)(trx, resource, actor);
  return true;
}

export function hideDebate(trx: Trx, debateId: string, actor: { personId: string } | null): Promise<boolean> {
  return setDebateHidden(trx, debateId, true, actor);
}

export function unhideDebate(trx: Trx, debateId: string, actor: { personId: string } | null): Promise<boolean> {
  return setDebateHidden(trx, debateId, false, actor);
}
