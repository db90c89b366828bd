/** A LIKE/ILIKE pattern matching `text` literally: `%`, `_` and `\` in it match themselves. */
export function likePattern(text: string, where: 'contains' | 'startsWith' = 'contains'): string {
  const literal = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return where === 'contains' ? `%${literal}%` : `${literal}%`;
}

/** Which page of a list to fetch: pages count from 1. */
export interface PageRequest {
  page: number;
  perPage: number;
}

/**
 * Fetches one page of an ordered list query and the total of the same filtered query, together.
 * Order the page query completely (ending with a unique column) so pages never overlap.
 */
export async function fetchPage<Row>(
  orderedRows: { limit(count: number): { offset(count: number): { execute(): Promise<Row[]> } } },
  total: { executeTakeFirstOrThrow(): Promise<{ total: number }> },
  request: PageRequest,
): Promise<{ rows: Row[]; total: number }> {
  const [rows, count] = await Promise.all([
    orderedRows
      .limit(request.perPage)
      .offset((request.page - 1) * request.perPage)
      .execute(),
    total.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
