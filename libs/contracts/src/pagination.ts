import { z } from 'zod';

export const MAX_PER_PAGE = 100;

/** The list query every endpoint accepts: page from 1, perPage up to 100, a named or field sort. */
export function listQuerySchema<const Sorts extends readonly [string, ...string[]]>(
  sorts: Sorts,
  defaultSort: Sorts[number],
) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(25),
    sort: z.enum(sorts).default(defaultSort),
  });
}

export const pageMetaSchema = z.object({
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  perPage: z.number().int().min(1),
});
export type PageMeta = z.infer<typeof pageMetaSchema>;

/** The answer of every list: the page of items and how it sits in the whole. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ data: z.array(item), meta: pageMetaSchema });
}
export type Page<Item> = { data: Item[]; meta: PageMeta };

/** The body of a request that needs none. */
export const emptyRequestSchema = z.object({});
