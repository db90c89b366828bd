import { DomainError, type Debate, type Page, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertMaySeeProcessOf } from '../participation/process-visibility';
import type { DebateDeps } from './create-debate';
import { listDebates as listRows, type DebateFilters } from './debate-list.repository';
import { toDebate } from './debate.repository';

/** A page of a process's debates (never hidden ones) for whoever may see the process. */
export async function listDebates(
  deps: DebateDeps,
  context: CallContext,
  query: ParsedRequestOf<'debates.debate.list'>,
): Promise<Page<Debate>> {
  await assertMaySeeProcessOf(deps, context, query.processId, 'process');
  const { rows, total } = await listRows(deps.db, filtersOf(query, context), query);
  return { data: rows.map(toDebate), meta: { total, page: query.page, perPage: query.perPage } };
}

function filtersOf(query: ParsedRequestOf<'debates.debate.list'>, context: CallContext): DebateFilters {
  const personal = query.mine || query.commentedByMe;
  if (personal && !context.actor) {
    throw new DomainError('unauthenticated', 'Sign in to list your own debates or those you commented on.');
  }
  return {
    processId: query.processId,
    ...(query.q ? { q: query.q } : {}),
    ...(query.themeId ? { themeId: query.themeId } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...(query.origin ? { official: query.origin === 'official' } : {}),
    ...(query.mine ? { authorId: context.actor!.personId } : {}),
    ...(query.commentedByMe ? { commenterId: context.actor!.personId } : {}),
  };
}
