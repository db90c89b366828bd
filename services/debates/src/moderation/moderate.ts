import { activityOf, DomainError, type Moderation, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Transaction } from 'kysely';
import { recordActivity } from '../activity/record-activity';
import type { DebatesDatabase } from '../db/schema';
import type { VisibilityDeps } from '../participation/process-visibility';
import { applyHiding } from './apply-hiding';
import { assertMayModerate } from './moderation-access';
import { dismissalOf, hidingChanges, showingChanges } from './moderation.policy';
import {
  dismissReports,
  findModeration,
  lockModeration,
  pendingReasons,
  toModeration,
  type ModerationRow,
} from './moderation.repository';

type ActionRequest = ParsedRequestOf<'debates.moderation.hide'>;

async function withModeration(
  deps: VisibilityDeps,
  context: CallContext,
  request: ActionRequest,
  decide: (trx: Transaction<DebatesDatabase>, row: ModerationRow) => Promise<ModerationRow>,
): Promise<Moderation> {
  const known = await findModeration(deps.db, request.id);
  if (!known) throw new DomainError('not_found', 'No such moderation.');
  await assertMayModerate(deps.services, context, known.process_id);
  const row = await deps.db.transaction().execute(async (trx) => decide(trx, (await lockModeration(trx, request.id))!));
  return toModeration(row, (await pendingReasons(deps.db, [row.id])).get(row.id)!);
}

/**
 * A moderator hides the resource and its comments, with a justification the author is told; a
 * resource the reports or a block hid becomes the moderator's (unblocking will not show it).
 */
export function hideModerated(deps: VisibilityDeps, context: CallContext, request: ActionRequest): Promise<Moderation> {
  return withModeration(deps, context, request, async (trx, row) => {
    if (!hidingChanges(row)) return row;
    const justification = request.justification ?? null;
    return applyHiding(trx, row, { hidden: true, cause: 'moderator', justification }, context.actor);
  });
}

/** A moderator shows it again; its pending reports are dismissed with it, so the next one does not hide it at once. */
export function unhideModerated(
  deps: VisibilityDeps,
  context: CallContext,
  request: ActionRequest,
): Promise<Moderation> {
  return withModeration(deps, context, request, async (trx, row) => {
    if (!showingChanges(row)) return row;
    await dismissReports(trx, row.id);
    return applyHiding(trx, row, { hidden: false, justification: request.justification ?? null }, context.actor);
  });
}

/** A moderator finds the reports unfounded: they are dismissed, and what they alone had hidden is shown again. */
export function dismissReported(
  deps: VisibilityDeps,
  context: CallContext,
  request: ActionRequest,
): Promise<Moderation> {
  return withModeration(deps, context, request, async (trx, row) => {
    const dismissal = dismissalOf(row);
    if (!dismissal.changes) return row;
    const dismissed = await dismissReports(trx, row.id);
    const justification = request.justification ?? null;
    await recordActivity(
      trx,
      'debates',
      activityOf(context.actor, {
        action: `${row.resource_type}.reportsDismissed`,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        processId: row.process_id,
        reason: justification,
        details: { reports: row.reports_count },
      }),
    );
    if (!dismissal.shows) return dismissed;
    return applyHiding(trx, dismissed, { hidden: false, justification }, context.actor);
  });
}
