/*
 * Scores run from 0 to 100 (see `results.ts` in the contracts). They are coloured by fifths, the
 * same bands the campaign's distributions count, from red (0–20) to green (80–100).
 */

/** The five bands, lowest first: their lower bound and colours (background, text). */
export const SCORE_BANDS = [
  { from: 0, background: '#d73027', color: '#fff' },
  { from: 20, background: '#fc8d59', color: '#000' },
  { from: 40, background: '#fee08b', color: '#000' },
  { from: 60, background: '#91cf60', color: '#000' },
  { from: 80, background: '#1a9850', color: '#fff' },
] as const;

/** The colour of no score at all. */
export const NO_SCORE = { background: '#eeeeee', color: 'rgba(0, 0, 0, 0.6)' } as const;

/** Which fifth a score falls in (100 is in the last). */
export const bandOf = (score: number): number => Math.min(4, Math.max(0, Math.floor(score / 20)));

export const colourOf = (score: number | null | undefined) =>
  score === null || score === undefined ? NO_SCORE : SCORE_BANDS[bandOf(score)];

/** A score as shown: a whole number, or an em dash when there is none. */
export const formatScore = (score: number | null | undefined): string =>
  score === null || score === undefined ? '—' : String(Math.round(score));

/** A change in points, signed (`+12`, `−3`, `0`), or an em dash. */
export const formatChange = (change: number | null): string => {
  if (change === null) return '—';
  const rounded = Math.round(change);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return '0';
};
