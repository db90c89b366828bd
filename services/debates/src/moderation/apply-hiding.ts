import { activityOf, DomainError, type HiddenCause } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Transaction } from 'kysely';
import { recordActivity } from '../activity/record-activity';
import { hideComment, unhideComment } from '../comment/hide-comment';
import { hideCommentsOf, unhideCommentsOf } from '../comment/hide-comments-of';
import type { DebatesDatabase } from '../db/schema';
import { hideDebate, unhideDebate } from '../debate/hide-debate';
import { reasonsByFrequency } from './moderation.policy';
import { markHidden, pendingReasons, type ModerationRow } from './moderation.repository';

type Trx = Transaction<DebatesDatabase>;

/** Who decides: a moderator (with their name, for the log), or nobody (the platform, at the threshold). */
export type Decider = { personId: string; displayName?: string } | null;

export type Hiding =
  { hidden: true; cause: HiddenCause; justification: string | null } | { hidden: false; justification: string | null };

/**
 * Hides a resource, or shows it again, on its locked moderation row, inside the caller's
 * transaction: the resource itself (a comment and what is under it, a debate and its comments, a
 * proposal's comments here and the proposal in `proposals` through the event), the row (who,
 * why, a new version), the event that tells `proposals` and the author, and — unless a block did
 * it, which `members` logs — the activity log.
 */
export async function applyHiding(
  trx: Trx,
  row: ModerationRow,
  hiding: Hiding,
  decider: Decider,
  { log = true }: { log?: boolean } = {},
): Promise<ModerationRow> {
  const actor = decider ? { personId: decider.personId } : null;
  const wasHidden = row.hidden_at !== null;
  if (hiding.hidden !== wasHidden) await setResourceHidden(trx, row, hiding.hidden, actor);
  const updated = await markHidden(
    trx,
    row.id,
    hiding.hidden ? { cause: hiding.cause, by: decider?.personId ?? null, justification: hiding.justification } : null,
  );
  const reasons = reasonsByFrequency((await pendingReasons(trx, [row.id])).get(row.id)!);
  await addToOutbox(
    trx,
    domainEvent(
      'debates.content.moderated',
      {
        moderationId: row.id,
        resourceType: row.resource_type as 'proposal' | 'debate' | 'comment',
        resourceId: row.resource_id,
        processId: row.process_id,
        authorId: row.author_id,
        hidden: hiding.hidden,
        cause: hiding.hidden ? hiding.cause : null,
        reasons,
        justification: hiding.justification,
        version: updated.version,
      },
      actor,
    ),
  );
  if (log) {
    await recordActivity(
      trx,
      'debates',
      activityOf(decider, {
        action: `${row.resource_type}.${hiding.hidden ? 'hidden' : 'shown'}`,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        processId: row.process_id,
        reason: hiding.justification,
        details: hiding.hidden ? { cause: hiding.cause, reports: row.reports_count } : {},
      }),
    );
  }
  return updated;
}

async function setResourceHidden(trx: Trx, row: ModerationRow, hidden: boolean, actor: { personId: string } | null) {
  switch (row.resource_type) {
    case 'comment':
      await (hidden ? hideComment : unhideComment)(trx, row.resource_id, actor);
      return;
    case 'debate':
      await (hidden ? hideDebate : unhideDebate)(trx, row.resource_id, actor);
      return;
    case 'proposal': {
      const resource = { resourceType: 'proposal' as const, resourceId: row.resource_id, processId: row.process_id! };
      await (hidden ? hideCommentsOf : unhideCommentsOf)(trx, resource, actor);
      return;
    }
    case 'person':
      throw new DomainError('bad_request', 'A person is not hidden: platform administrators block them.');
  }
}
