import { foldName, slugify } from './organization-names';

describe('slugify', () => {
  it('drops accents, punctuation and ligatures', () => {
    expect(slugify("Mouvement pour l'Économie Solidaire")).toBe('mouvement-pour-l-economie-solidaire');
    expect(slugify('ARDES — Normandie')).toBe('ardes-normandie');
    expect(slugify('Cœur de Réseau')).toBe('coeur-de-reseau');
  });

  it('pads names too short to be a slug and cuts long ones on a hyphen', () => {
    expect(slugify('É2')).toBe('organisation-e2');
    expect(slugify(`${'a'.repeat(59)} bcd`)).toBe('a'.repeat(59));
  });
});

describe('foldName', () => {
  it('compares names without case or accents', () => {
    expect(foldName('Régie de Quartier Œuvre')).toBe('regie de quartier oeuvre');
  });
});
