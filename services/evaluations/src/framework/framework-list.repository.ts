import { fetchPage, likePattern } from '@convergences/database';
import type { FrameworkStatus } from '@convergences/contracts';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';
import { frameworksWithCounts, type FrameworkRow } from './framework.repository';

type Db = Kysely<EvaluationsDatabase>;

/** What a list filters on; `readerId` (unless `everything`) limits drafts to the lineages they edit. */
export interface FrameworkFilters {
  everything: boolean;
  readerId?: string;
  status?: FrameworkStatus;
  processId?: string;
  lineageId?: string;
  q?: string;
}

function matching(filters: FrameworkFilters) {
  return (eb: ExpressionBuilder<EvaluationsDatabase, 'frameworks'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [];
    if (!filters.everything) {
      conditions.push(
        filters.readerId
          ? sql<SqlBool>`(frameworks.status = 'adopted' or exists (select 1 from framework_editors e
              where e.lineage_id = frameworks.lineage_id and e.person_id = ${filters.readerId}))`
          : eb('frameworks.status', '=', 'adopted'),
      );
    }
    if (filters.status) conditions.push(eb('frameworks.status', '=', filters.status));
    if (filters.processId) conditions.push(eb('frameworks.process_id', '=', filters.processId));
    if (filters.lineageId) conditions.push(eb('frameworks.lineage_id', '=', filters.lineageId));
    if (filters.q) {
      conditions.push(
        sql<SqlBool>`fold_text(concat_ws(' ', frameworks.title->>'fr', frameworks.title->>'en',
          frameworks.description->>'fr', frameworks.description->>'en')) like fold_text(${likePattern(filters.q)})`,
      );
    }
    return eb.and(conditions);
  };
}

export type FrameworkOrder = 'recent' | 'title' | 'version' | '-version';

function orderOf(sort: FrameworkOrder) {
  switch (sort) {
    case 'title':
      return [sql`fold_text(frameworks.title->>'fr')`, sql`frameworks.version desc`, sql`frameworks.id`];
    case 'version':
      return [sql`frameworks.version`, sql`frameworks.id`];
    case '-version':
      return [sql`frameworks.version desc`, sql`frameworks.id desc`];
    case 'recent':
      return [sql`frameworks.created_at desc`, sql`frameworks.id desc`];
  }
}

/** One page of the framework versions matching the filters, with the total. */
export async function listFrameworks(
  db: Db,
  filters: FrameworkFilters,
  request: { sort: FrameworkOrder; page: number; perPage: number },
): Promise<{ rows: FrameworkRow[]; total: number }> {
  let page = frameworksWithCounts(db).where(matching(filters));
  for (const order of orderOf(request.sort)) page = page.orderBy(order);
  const total = db
    .selectFrom('frameworks')
    .where(matching(filters))
    .select((eb) => eb.fn.countAll<number>().as('total'));
  return fetchPage(page, total, request);
}
