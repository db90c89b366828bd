import { DIVERGENCE_THRESHOLD, type Indicator } from '@convergences/contracts';

/*
 * Every answer read as a score from 0 to 100 (see the contract, results.ts), and the few
 * statistics results are made of. Pure: the use-cases bring the answers.
 */

/** What scoring needs of an indicator. */
export type ScoredIndicator = Pick<Indicator, 'kind' | 'levels' | 'target' | 'higherIsBetter'>;

const clamp = (score: number) => Math.min(100, Math.max(0, score));

/**
 * One answer's score: a level by its place between the scale's lowest and highest values, yes 100
 * and no 0, a quantity against its target (`null` without one, or with a target of 0 or less,
 * which no ratio measures against); narratives have none.
 */
export function indicatorScore(indicator: ScoredIndicator, value: number): number | null {
  switch (indicator.kind) {
    case 'level_scale': {
      if (indicator.levels.length < 2) return null;
      const values = indicator.levels.map((l) => l.value);
      const lowest = Math.min(...values);
      const highest = Math.max(...values);
      return highest > lowest ? clamp(((value - lowest) / (highest - lowest)) * 100) : null;
    }
    case 'yes_no':
      return value >= 1 ? 100 : 0;
    case 'quantitative': {
      const { target } = indicator;
      if (target === null || target <= 0) return null;
      if (indicator.higherIsBetter ?? true) return clamp(Math.min(value / target, 1) * 100);
      if (value <= target) return 100;
      return clamp(Math.max(0, 1 - (value - target) / target) * 100);
    }
    case 'narrative':
      return null;
  }
}

/** The scores that are there, `null`s left out. */
export const present = (values: readonly (number | null | undefined)[]): number[] =>
  values.filter((v): v is number => typeof v === 'number');

/** The mean of the values that are there; `null` when there are none. */
export function mean(values: readonly (number | null | undefined)[]): number | null {
  const kept = present(values);
  return kept.length ? kept.reduce((sum, v) => sum + v, 0) / kept.length : null;
}

/** The median of the values that are there (the mean of the middle two for an even count); `null` when none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const kept = present(values).sort((a, b) => a - b);
  if (!kept.length) return null;
  const middle = Math.floor(kept.length / 2);
  return kept.length % 2 ? kept[middle] : (kept[middle - 1] + kept[middle]) / 2;
}

/** A criterion's score: the mean of its indicators' scores (unscored and unanswered ones left out). */
export function criterionScore(
  indicators: readonly (ScoredIndicator & { id: string })[],
  valueOf: (indicatorId: string) => number | undefined,
): number | null {
  return mean(
    indicators.map((indicator) => {
      const value = valueOf(indicator.id);
      return value === undefined ? null : indicatorScore(indicator, value);
    }),
  );
}

/**
 * Self against peers: `self_above` or `self_below` when more than `DIVERGENCE_THRESHOLD` points
 * apart, `null` when closer or when either side has no score.
 */
export function divergence(self: number | null, peer: number | null): 'self_above' | 'self_below' | null {
  if (self === null || peer === null) return null;
  if (self - peer > DIVERGENCE_THRESHOLD) return 'self_above';
  if (peer - self > DIVERGENCE_THRESHOLD) return 'self_below';
  return null;
}

/** How many scores fall in each fifth: [0, 20), [20, 40), [40, 60), [60, 80), [80, 100]. */
export function fifths(scores: readonly (number | null | undefined)[]): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const score of present(scores)) counts[Math.min(4, Math.max(0, Math.floor(score / 20)))]++;
  return counts;
}

/** A score as results give it: to one decimal, so that figures read the same in JSON and CSV. */
export const rounded = (score: number | null): number | null => (score === null ? null : Math.round(score * 10) / 10);
