import {
  blockPersonRequestSchema,
  personListQuerySchema,
  publicPersonSchema,
  updatePersonRequestSchema,
} from './person';

describe('updatePersonRequestSchema', () => {
  it('accepts any subset of the editable fields, trimming names and bios', () => {
    expect(updatePersonRequestSchema.parse({})).toEqual({});
    expect(
      updatePersonRequestSchema.parse({ displayName: '  Alice  ', bio: ' Bonjour ', profileVisibility: 'private' }),
    ).toEqual({ displayName: 'Alice', bio: 'Bonjour', profileVisibility: 'private' });
    expect(updatePersonRequestSchema.parse({ bio: null })).toEqual({ bio: null });
    expect(updatePersonRequestSchema.parse({ territoryId: null })).toEqual({ territoryId: null });
  });

  it('refuses fields the person may not edit, and bad values, naming the field', () => {
    const pathOf = (input: unknown) => updatePersonRequestSchema.safeParse(input).error?.issues[0].path.join('.');
    expect(pathOf({ email: 'a@b.c' })).toBe('');
    expect(pathOf({ roles: ['admin'] })).toBe('');
    expect(pathOf({ nickname: 'A B' })).toBe('nickname');
    expect(pathOf({ displayName: '' })).toBe('displayName');
    expect(pathOf({ displayName: 'x'.repeat(101) })).toBe('displayName');
    expect(pathOf({ bio: 'x'.repeat(1001) })).toBe('bio');
    expect(pathOf({ locale: 'de' })).toBe('locale');
    expect(pathOf({ profileVisibility: 'friends' })).toBe('profileVisibility');
    expect(pathOf({ territoryId: 'le-vigan' })).toBe('territoryId');
  });
});

describe('personListQuerySchema', () => {
  it('reads the blocked filter from a query string or a boolean', () => {
    expect(personListQuerySchema.parse({ blocked: 'true' }).blocked).toBe(true);
    expect(personListQuerySchema.parse({ blocked: 'false' }).blocked).toBe(false);
    expect(personListQuerySchema.parse({ blocked: true }).blocked).toBe(true);
    expect(personListQuerySchema.parse({}).blocked).toBeUndefined();
    expect(personListQuerySchema.safeParse({ blocked: 'yes' }).success).toBe(false);
  });

  it('paginates and sorts like every list', () => {
    expect(personListQuerySchema.parse({ q: ' bob ', sort: '-nickname' })).toEqual({
      page: 1,
      perPage: 25,
      sort: '-nickname',
      q: 'bob',
    });
    expect(personListQuerySchema.safeParse({ sort: 'email' }).success).toBe(false);
  });
});

describe('blockPersonRequestSchema', () => {
  const id = '01900000-0000-7000-8000-000000000001';

  it('needs a justification of 10 to 1000 characters once trimmed', () => {
    expect(blockPersonRequestSchema.parse({ id, reason: '  Propos haineux.  ' }).reason).toBe('Propos haineux.');
    for (const reason of ['court', `   ${'x'.repeat(9)}   `, 'x'.repeat(1001)]) {
      expect(blockPersonRequestSchema.safeParse({ id, reason }).success).toBe(false);
    }
    expect(blockPersonRequestSchema.safeParse({ id }).success).toBe(false);
  });
});

describe('publicPersonSchema', () => {
  it('has a public shape and a private one that shows names only', () => {
    const common = { nickname: 'alice', displayName: 'Alice' };
    expect(
      publicPersonSchema.safeParse({
        ...common,
        bio: null,
        locale: 'fr',
        territoryId: null,
        private: false,
        organizations: [],
        proposalsCount: 0,
      }).success,
    ).toBe(true);
    expect(publicPersonSchema.parse({ ...common, private: true, bio: 'hidden' })).toEqual({ ...common, private: true });
    expect(publicPersonSchema.safeParse({ ...common, private: false }).success).toBe(false);
  });
});
