import { slugify } from './slugify';

describe('slugify', () => {
  it('drops accents and joins words with hyphens', () => {
    expect(slugify('Économie solidaire : décider ensemble !')).toBe('economie-solidaire-decider-ensemble');
  });

  it('keeps ligatures readable', () => {
    expect(slugify('Cœur de ville')).toBe('coeur-de-ville');
  });

  it('cuts long titles on a word boundary without a trailing hyphen', () => {
    const slug = slugify('a'.repeat(59) + ' bcd', 60);
    expect(slug).toBe('a'.repeat(59));
  });

  it('pads titles too short to be a slug', () => {
    expect(slugify('É')).toBe('process-e');
  });
});
