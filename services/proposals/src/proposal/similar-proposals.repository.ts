import type { SimilarProposalsQuery } from '@convergences/contracts';
import { sql, type Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import type { ProposalRow } from './proposal.repository';

type Db = Kysely<ProposalsDatabase>;

/** Enough of the body to find shared words; the rest adds cost, not sense. */
const BODY_CHARS = 1000;

/**
 * Up to 5 published proposals of the process like the text, best first: 60 % trigram similarity
 * of the folded titles, 40 % full-text rank of title and body in each proposal's language (any
 * shared word matches: the query's lexemes are OR-ed; rank normalised to 0..1).
 */
export async function similarProposals(
  db: Db,
  query: SimilarProposalsQuery,
): Promise<(ProposalRow & { score: number })[]> {
  const text = `${query.title} ${(query.body ?? '').slice(0, BODY_CHARS)}`;
  const folded = sql`fold_text(${query.title})`;
  const words = sql`replace(plainto_tsquery(proposal_search_config(proposals.locale), fold_text(${text}))::text, ' & ', ' | ')::tsquery`;
  const score = sql<number>`round((0.6 * similarity(fold_text(proposals.title), ${folded})
    + 0.4 * ts_rank(proposals.search_vector, ${words}, 32))::numeric, 3)::float8`;
  let candidates = db
    .selectFrom('proposals')
    .leftJoin('authors', 'authors.person_id', 'proposals.author_id')
    .selectAll('proposals')
    .select('authors.display_name as author_name')
    .select(score.as('score'))
    .where('proposals.process_id', '=', query.processId)
    .where('proposals.state', '=', 'published')
    .where(sql<boolean>`(fold_text(proposals.title) % ${folded} or proposals.search_vector @@ ${words})`);
  if (query.excludeId) candidates = candidates.where('proposals.id', '!=', query.excludeId);
  return candidates.orderBy('score', 'desc').orderBy('proposals.published_at', 'desc').limit(5).execute();
}
