import { z } from 'zod';
import { MAX_PER_PAGE, listQuerySchema, pageSchema } from './pagination';
import { processListQuerySchema } from './processes/process';
import { proposalListQuerySchema } from './proposals/proposal';

describe('listQuerySchema', () => {
  const schema = listQuerySchema(['recent', 'title', '-title'] as const, 'recent');

  it('defaults to the first page of 25 in the default order', () => {
    expect(schema.parse({})).toEqual({ page: 1, perPage: 25, sort: 'recent' });
  });

  it('accepts up to 100 per page and no more', () => {
    expect(MAX_PER_PAGE).toBe(100);
    expect(schema.parse({ perPage: 100 }).perPage).toBe(100);
    expect(schema.safeParse({ perPage: 101 }).success).toBe(false);
    const error = schema.safeParse({ perPage: 500 }).error!;
    expect(error.issues[0].path).toEqual(['perPage']);
  });

  it('rejects pages and sizes below one or not whole', () => {
    for (const bad of [{ page: 0 }, { page: -1 }, { perPage: 0 }, { page: 1.5 }, { perPage: 'ten' }, { page: '' }]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });

  it('rejects a sort it does not know', () => {
    const result = schema.safeParse({ sort: 'createdAt; drop table' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['sort']);
    expect(schema.safeParse({ sort: 'TITLE' }).success).toBe(false);
  });

  it('accepts each declared sort', () => {
    for (const sort of ['recent', 'title', '-title'] as const) expect(schema.parse({ sort }).sort).toBe(sort);
  });

  it('coerces numbers from query strings', () => {
    expect(schema.parse({ page: '3', perPage: '50', sort: 'title' })).toEqual({ page: 3, perPage: 50, sort: 'title' });
    expect(schema.safeParse({ perPage: '101' }).success).toBe(false);
  });
});

describe('list queries of processes and proposals', () => {
  it('filter processes by status and trimmed text', () => {
    expect(processListQuerySchema.parse({ status: 'draft', q: '  vélo  ', sort: '-createdAt' })).toEqual({
      page: 1,
      perPage: 25,
      sort: '-createdAt',
      status: 'draft',
      q: 'vélo',
    });
    expect(processListQuerySchema.safeParse({ status: 'archived' }).success).toBe(false);
    expect(processListQuerySchema.safeParse({ q: '   ' }).success).toBe(false);
    expect(processListQuerySchema.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
  });

  it('filter proposals by process id only when it is a uuid', () => {
    const processId = '01900000-0000-7000-8000-0000000000aa';
    expect(proposalListQuerySchema.parse({ processId, page: '2' })).toMatchObject({
      processId,
      page: 2,
      sort: 'recent',
    });
    expect(proposalListQuerySchema.safeParse({ processId: 'budget-2026' }).success).toBe(false);
  });
});

describe('pageSchema', () => {
  const page = pageSchema(z.object({ id: z.number() }));

  it('describes a page of items and where it sits', () => {
    expect(page.parse({ data: [{ id: 1 }], meta: { total: 1, page: 1, perPage: 25 } })).toEqual({
      data: [{ id: 1 }],
      meta: { total: 1, page: 1, perPage: 25 },
    });
  });

  it('rejects negative totals and a page 0', () => {
    expect(page.safeParse({ data: [], meta: { total: -1, page: 1, perPage: 25 } }).success).toBe(false);
    expect(page.safeParse({ data: [], meta: { total: 0, page: 0, perPage: 25 } }).success).toBe(false);
  });
});
