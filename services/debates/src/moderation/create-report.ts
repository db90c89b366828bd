import { DomainError, type ParsedRequestOf, type Report } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import type { CallContext } from '@convergences/messaging';
import type { VisibilityDeps } from '../participation/process-visibility';
import { applyHiding } from './apply-hiding';
import { assertMayReport, assertSignedIn, reachesThreshold } from './moderation.policy';
import { countReport, insertReport, lockModerationOf, reportsOf } from './moderation.repository';
import { reportedResource } from './reported-resource';

export interface ReportDeps extends VisibilityDeps {
  /** Reports that hide a resource until a moderator decides. */
  threshold: number;
}

/**
 * A person reports a resource they can see, once: a second report of theirs is `already_reported`
 * and changes nothing. The report is counted on the resource's moderation row under its lock, so
 * concurrent reports are counted one at a time and the one that reaches the threshold — only
 * that one — hides the resource (and logs it, and tells the author through the event).
 */
export async function createReport(
  deps: ReportDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.report.create'>,
): Promise<Report> {
  assertSignedIn(context.actor, 'report');
  const actor = context.actor;
  const ref = { resourceType: request.resourceType, resourceId: request.resourceId };
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'debates.report.create', key: context.idempotencyKey },
    async () => {
      const facts = await reportedResource(deps, context, ref);
      assertMayReport(actor, facts);
      return facts;
    },
    async (trx, facts) => {
      // A report that saw the resource shown is counted even if a concurrent one just hid it.
      const moderation = await lockModerationOf(trx, facts);
      const report = await insertReport(trx, {
        moderationId: moderation.id,
        reporterId: actor.personId,
        reason: request.reason,
        details: request.details ? request.details : null,
      });
      if (!report) {
        throw new DomainError('already_reported', `You already reported this ${ref.resourceType}.`, {
          moderationId: moderation.id,
        });
      }
      const counted = await countReport(trx, moderation.id);
      if (reachesThreshold(counted, deps.threshold)) {
        await applyHiding(trx, counted, { hidden: true, cause: 'reports', justification: null }, null);
      }
      return (await reportsOf(trx, counted)).find((r) => r.id === report.id)!;
    },
  );
}
