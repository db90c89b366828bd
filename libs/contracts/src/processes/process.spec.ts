import { parseOrFail } from '../errors';
import { createProcessRequestSchema, slugSchema } from './process';

describe('createProcessRequestSchema', () => {
  const valid = { title: { fr: 'Budget participatif de Rodez' }, description: { fr: 'Une concertation ouverte.' } };

  it('defaults to a draft and trims the translated texts', () => {
    expect(
      createProcessRequestSchema.parse({ title: { fr: '  Budget  ', en: ' Budget ' }, description: { fr: 'D' } }),
    ).toEqual({
      title: { fr: 'Budget', en: 'Budget' },
      description: { fr: 'D' },
      status: 'draft',
    });
  });

  it('requires a French title, English being optional', () => {
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { en: 'Budget' } }).success).toBe(false);
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { fr: '' } }).success).toBe(false);
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { fr: '   ' } }).success).toBe(false);
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { fr: 'Budget', en: '' } }).success).toBe(false);
  });

  it('limits titles to 200 characters and descriptions to 20,000', () => {
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { fr: 'é'.repeat(200) } }).success).toBe(true);
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { fr: 'é'.repeat(201) } }).success).toBe(false);
    expect(createProcessRequestSchema.safeParse({ ...valid, title: { fr: 'ok', en: 'e'.repeat(201) } }).success).toBe(
      false,
    );
    expect(createProcessRequestSchema.safeParse({ ...valid, description: { fr: 'd'.repeat(20_000) } }).success).toBe(
      true,
    );
    expect(createProcessRequestSchema.safeParse({ ...valid, description: { fr: 'd'.repeat(20_001) } }).success).toBe(
      false,
    );
  });

  it('rejects unknown keys', () => {
    const result = createProcessRequestSchema.safeParse({ ...valid, proposalsCount: 12 });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].code).toBe('unrecognized_keys');
  });

  it('accepts a published status and an explicit slug, and no other status', () => {
    expect(createProcessRequestSchema.parse({ ...valid, status: 'published', slug: 'budget-2026' })).toMatchObject({
      status: 'published',
      slug: 'budget-2026',
    });
    expect(createProcessRequestSchema.safeParse({ ...valid, status: 'archived' }).success).toBe(false);
  });

  it('names the failing field in validation errors', () => {
    expect(() => parseOrFail(createProcessRequestSchema, { ...valid, title: { fr: '' }, slug: 'A' })).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: expect.arrayContaining([
          expect.objectContaining({ path: 'title.fr' }),
          expect.objectContaining({ path: 'slug' }),
        ]),
      }),
    );
  });
});

describe('slugSchema', () => {
  it.each(['abc', 'budget-2026', 'a1-b2-c3', 'x'.repeat(80)])('accepts %s', (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'x'.repeat(81)],
    ['upper case', 'Budget'],
    ['accents', 'économie'],
    ['double hyphen', 'budget--2026'],
    ['leading hyphen', '-budget'],
    ['trailing hyphen', 'budget-'],
    ['spaces', 'budget 2026'],
    ['underscores', 'budget_2026'],
  ])('rejects %s', (_why, slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(false);
  });
});
