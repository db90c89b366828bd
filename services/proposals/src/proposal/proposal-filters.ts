import { DomainError, type Actor, type ProposalMapQuery } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { ProposalFilters } from './proposal-list.repository';

type FilterQuery = Omit<ProposalMapQuery, 'bbox'>;

/**
 * Which state is listed: `published` unless asked otherwise. Decidim's `withdrawn=true` is
 * `state=withdrawn`, `withdrawn=false` is `state=published`; asking both ways at once is an error.
 */
export function listedStateOf(query: Pick<FilterQuery, 'state' | 'withdrawn'>): 'published' | 'withdrawn' {
  const fromFlag = query.withdrawn === undefined ? undefined : query.withdrawn ? 'withdrawn' : 'published';
  if (query.state && fromFlag && query.state !== fromFlag) {
    throw new DomainError('validation_failed', '`state` and `withdrawn` ask for different proposals.', undefined, [
      { path: 'withdrawn', message: `contradicts state=${query.state}` },
    ]);
  }
  return query.state ?? fromFlag ?? 'published';
}

/** "Mine" and "supported by me" need somebody: an anonymous caller is asked to sign in. */
export function personalFiltersOf(
  query: Pick<FilterQuery, 'mine' | 'supportedByMe'>,
  actor: Actor | null,
): Pick<ProposalFilters, 'authorId' | 'supporterId'> {
  if (!query.mine && !query.supportedByMe) return {};
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to list your own or supported proposals.');
  return {
    ...(query.mine ? { authorId: actor.personId } : {}),
    ...(query.supportedByMe ? { supporterId: actor.personId } : {}),
  };
}

/**
 * `sort=random` is seeded by `seed` when given, else by who asks, else (anonymous callers) by
 * the day: the same seed gives the same order on every page.
 */
export function randomSeedOf(seed: string | undefined, actor: Actor | null, now = new Date()): string {
  return seed ?? actor?.personId ?? now.toISOString().slice(0, 10);
}

/** The query's filters with the territory's whole subtree asked of `processes`, once. */
export async function resolveFilters(
  services: ServiceClient,
  context: CallContext,
  query: FilterQuery,
): Promise<ProposalFilters> {
  const territoryIds = query.territoryId ? await subtreeOf(services, context, query.territoryId) : undefined;
  return {
    state: listedStateOf(query),
    ...personalFiltersOf(query, context.actor),
    ...(query.processId ? { processId: query.processId } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.themeId ? { themeId: query.themeId } : {}),
    ...(territoryIds ? { territoryIds } : {}),
  };
}

async function subtreeOf(services: ServiceClient, context: CallContext, territoryId: string): Promise<string[]> {
  try {
    return (await services.request('processes.territory.subtree', { id: territoryId }, context)).ids;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('validation_failed', 'No such territory.', undefined, [
        { path: 'territoryId', message: 'no such territory' },
      ]);
    }
    throw error;
  }
}
