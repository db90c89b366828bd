import {
  DomainError,
  type Moderation,
  type ModerationDetail,
  type ModerationListQuery,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import { fetchPage } from '@convergences/database';
import type { CallContext } from '@convergences/messaging';
import { sql } from 'kysely';
import type { VisibilityDeps } from '../participation/process-visibility';
import { assertMayModerate, moderatedProcesses } from './moderation-access';
import { findModeration, pendingReasons, reportsOf, toModeration } from './moderation.repository';

/**
 * The moderation queue: what the caller moderates — platform admins everything (people
 * included), process moderators and admins their processes' content — reported (default),
 * hidden, or all, most reported first.
 */
export async function listModerations(
  deps: VisibilityDeps,
  context: CallContext,
  query: ModerationListQuery,
): Promise<Page<Moderation>> {
  const scope = await moderatedProcesses(deps.services, context);
  if (query.processId && (scope === 'all' || !scope.includes(query.processId))) {
    await assertMayModerate(deps.services, context, query.processId);
  }
  if (scope !== 'all' && scope.length === 0 && !query.processId) {
    throw new DomainError('role_required', 'The moderation queue needs the moderator role in a process.');
  }
  let filtered = deps.db.selectFrom('moderations');
  if (query.processId) filtered = filtered.where('process_id', '=', query.processId);
  else if (scope !== 'all') filtered = filtered.where('process_id', 'in', scope);
  if (query.state === 'reported') filtered = filtered.where('hidden_at', 'is', null).where('reports_count', '>', 0);
  if (query.state === 'hidden') filtered = filtered.where('hidden_at', 'is not', null);
  if (query.resourceType) filtered = filtered.where('resource_type', '=', query.resourceType);
  if (query.hiddenCause) filtered = filtered.where('hidden_cause', '=', query.hiddenCause);
  const ordered = (() => {
    const rows = filtered.selectAll();
    switch (query.sort) {
      case 'mostReported':
        return rows
          .orderBy('reports_count', 'desc')
          .orderBy(sql`last_reported_at desc nulls last`)
          .orderBy('id', 'desc');
      case 'recent':
        return rows.orderBy('updated_at', 'desc').orderBy('id', 'desc');
      case 'oldest':
        return rows.orderBy('created_at', 'asc').orderBy('id', 'asc');
    }
  })();
  const { rows, total } = await fetchPage(
    ordered,
    filtered.select((eb) => eb.fn.countAll<number>().as('total')),
    query,
  );
  const reasons = await pendingReasons(
    deps.db,
    rows.map((row) => row.id),
  );
  return {
    data: rows.map((row) => toModeration(row, reasons.get(row.id)!)),
    meta: { total: Number(total), page: query.page, perPage: query.perPage },
  };
}

/** One moderation with all its reports, for whoever moderates it. */
export async function getModeration(
  deps: VisibilityDeps,
  context: CallContext,
  request: ParsedRequestOf<'debates.moderation.get'>,
): Promise<ModerationDetail> {
  const row = await findModeration(deps.db, request.id);
  if (!row) throw new DomainError('not_found', 'No such moderation.');
  await assertMayModerate(deps.services, context, row.process_id);
  const [reasons, reports] = await Promise.all([pendingReasons(deps.db, [row.id]), reportsOf(deps.db, row)]);
  return { ...toModeration(row, reasons.get(row.id)!), reports };
}
