import { createOrganizationRequestSchema, organizationMapQuerySchema } from './organization';

describe('createOrganizationRequestSchema', () => {
  const valid = { name: 'AMAP de la Croix-Rousse', kind: 'amap' };

  it('accepts a minimal organisation and trims its name', () => {
    expect(createOrganizationRequestSchema.parse({ ...valid, name: '  AMAP  ' })).toEqual({ ...valid, name: 'AMAP' });
  });

  it('wants latitude and longitude together, within the world', () => {
    const ok = (extra: object) => createOrganizationRequestSchema.safeParse({ ...valid, ...extra }).success;
    expect(ok({ latitude: 45.77, longitude: 4.83 })).toBe(true);
    expect(ok({ latitude: null, longitude: null })).toBe(true);
    expect(ok({ latitude: 45.77 })).toBe(false);
    expect(ok({ longitude: 4.83 })).toBe(false);
    expect(ok({ latitude: 45.77, longitude: null })).toBe(false);
    expect(ok({ latitude: 200, longitude: 4 })).toBe(false);
    expect(ok({ latitude: -90, longitude: 180 })).toBe(true);
    expect(ok({ latitude: 10, longitude: -180.5 })).toBe(false);
  });

  it('takes http(s) addresses only for the website and logo', () => {
    const ok = (extra: object) => createOrganizationRequestSchema.safeParse({ ...valid, ...extra }).success;
    expect(ok({ website: 'https://www.lemes.org', logoUrl: 'http://example.org/logo.png' })).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org', 'lemes.org']) {
      expect(ok({ website: url })).toBe(false);
      expect(ok({ logoUrl: url })).toBe(false);
    }
  });

  it('limits names to 2–150 characters and descriptions to 10,000, and knows the kinds', () => {
    const ok = (extra: object) => createOrganizationRequestSchema.safeParse({ ...valid, ...extra }).success;
    expect(ok({ name: 'A' })).toBe(false);
    expect(ok({ name: 'é'.repeat(150) })).toBe(true);
    expect(ok({ name: 'é'.repeat(151) })).toBe(false);
    expect(ok({ description: { fr: 'd'.repeat(10_000) } })).toBe(true);
    expect(ok({ description: { fr: 'ok', en: 'd'.repeat(10_001) } })).toBe(false);
    expect(ok({ kind: 'regie_de_quartier' })).toBe(true);
    expect(ok({ kind: 'club' })).toBe(false);
    expect(ok({ status: 'verified' })).toBe(false);
  });
});

describe('organizationMapQuerySchema', () => {
  it('reads a bbox as minLon,minLat,maxLon,maxLat, and accepts its parsed form again', () => {
    const parsed = organizationMapQuerySchema.parse({ bbox: '4.7, 45.7,4.9,45.8' });
    expect(parsed.bbox).toEqual({ minLon: 4.7, minLat: 45.7, maxLon: 4.9, maxLat: 45.8 });
    expect(organizationMapQuerySchema.parse(parsed)).toEqual(parsed);
  });

  it.each(['1,2,3', '1,2,3,4,5', 'a,b,c,d', '200,0,201,1', '5,0,4,1', '0,5,1,4', ',,,'])('refuses bbox=%s', (bbox) => {
    expect(organizationMapQuerySchema.safeParse({ bbox }).success).toBe(false);
  });
});
