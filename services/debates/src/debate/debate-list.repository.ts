import { fetchPage, likePattern } from '@convergences/database';
import type { DebateSort } from '@convergences/contracts';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { debatesWithCounts, type DebateRow } from './debate.repository';

type Db = Kysely<DebatesDatabase>;

/** What a list filters on, once the handler has resolved "mine" and "commented by me" to the caller. */
export interface DebateFilters {
  processId: string;
  q?: string;
  themeId?: string;
  state?: 'open' | 'closed';
  official?: boolean;
  authorId?: string;
  commenterId?: string;
}

/** Never a debate hidden by moderation. */
function matching(filters: DebateFilters) {
  return (eb: ExpressionBuilder<DebatesDatabase, 'debates'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb('debates.process_id', '=', filters.processId),
      eb('debates.hidden_at', 'is', null),
    ];
    if (filters.themeId) conditions.push(eb('debates.theme_id', '=', filters.themeId));
    if (filters.state) conditions.push(eb('debates.closed_at', filters.state === 'open' ? 'is' : 'is not', null));
    if (filters.official !== undefined) conditions.push(eb('debates.official', '=', filters.official));
    if (filters.authorId) conditions.push(eb('debates.author_id', '=', filters.authorId));
    if (filters.commenterId) {
      conditions.push(sql<SqlBool>`exists (select 1 from comments c where c.resource_type = 'debate'
        and c.resource_id = debates.id and c.author_id = ${filters.commenterId} and c.deleted_at is null
        and c.hidden_at is null)`);
    }
    if (filters.q) {
      // Words in either language (the generated search vector), or a piece of the title as written.
      const folded = sql`fold_text(${filters.q})`;
      conditions.push(
        sql<SqlBool>`(debates.search_vector @@ (websearch_to_tsquery('pg_catalog.french', ${folded})
          || websearch_to_tsquery('pg_catalog.english', ${folded}))
          or fold_text(coalesce(debates.title->>'fr', '') || ' ' || coalesce(debates.title->>'en', ''))
            like fold_text(${likePattern(filters.q)}))`,
      );
    }
    return eb.and(conditions);
  };
}

/** The order of a sort, always ending with the id so pages never overlap. */
function orderOf(sort: DebateSort) {
  switch (sort) {
    case 'mostCommented':
      return [sql`coalesce(comment_counts.count, 0) desc`, sql`debates.created_at desc`, sql`debates.id desc`];
    case 'lastComment':
      return [sql`comment_counts.last_comment_at desc nulls last`, sql`debates.created_at desc`, sql`debates.id desc`];
    case 'recent':
      return [sql`debates.created_at desc`, sql`debates.id desc`];
  }
}

/** One page of a process's debates matching the filters, with the total. */
export async function listDebates(
  db: Db,
  filters: DebateFilters,
  request: { sort: DebateSort; page: number; perPage: number },
): Promise<{ rows: DebateRow[]; total: number }> {
  let page = debatesWithCounts(db).where(matching(filters));
  for (const order of orderOf(request.sort)) page = page.orderBy(order);
  const total = db
    .selectFrom('debates')
    .where(matching(filters))
    .select((eb) => eb.fn.countAll<number>().as('total'));
  return fetchPage(page, total, request);
}
