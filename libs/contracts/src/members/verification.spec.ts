import { verificationListQuerySchema } from './verification';

describe('verification contracts', () => {
  it('parses a list query the same once or twice (the gateway parses, then the service)', () => {
    const once = verificationListQuerySchema.parse({ active: 'false', kind: 'residency', page: '2' });
    expect(once).toMatchObject({ active: false, kind: 'residency', page: 2, perPage: 25, sort: 'recent' });
    expect(verificationListQuerySchema.parse(once)).toEqual(once);
    expect(verificationListQuerySchema.safeParse({ active: 'yes' }).success).toBe(false);
    expect(verificationListQuerySchema.safeParse({ kind: 'age' }).success).toBe(false);
  });
});
