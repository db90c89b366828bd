import type { Criterion, Indicator } from '@convergences/contracts';
import {
  criterionScore,
  divergence,
  fifths,
  indicatorScore,
  mean,
  median,
  rounded,
  type ScoredIndicator,
} from './score';
import { tallyCriterion } from './tally';

const level = (...values: number[]): ScoredIndicator => ({
  kind: 'level_scale',
  levels: values.map((value) => ({ value, label: { fr: `Niveau ${value}` }, descriptor: null })),
  target: null,
  higherIsBetter: null,
});
const quantity = (target: number | null, higherIsBetter = true): ScoredIndicator => ({
  kind: 'quantitative',
  levels: [],
  target,
  higherIsBetter,
});
const yesNo: ScoredIndicator = { kind: 'yes_no', levels: [], target: null, higherIsBetter: null };
const narrative: ScoredIndicator = { kind: 'narrative', levels: [], target: null, higherIsBetter: null };

describe('indicatorScore', () => {
  it('places a level between the lowest and highest values of its scale', () => {
    const scale = level(1, 2, 3, 4);
    expect([1, 2, 3, 4].map((v) => rounded(indicatorScore(scale, v)))).toEqual([0, 33.3, 66.7, 100]);
    expect(indicatorScore(level(0, 5, 10), 5)).toBe(50);
  });

  it('gives no score on a scale without two distinct levels', () => {
    expect(indicatorScore(level(), 2)).toBeNull();
    expect(indicatorScore(level(3), 3)).toBeNull();
  });

  it('reads yes as 100 and no as 0', () => {
    expect(indicatorScore(yesNo, 1)).toBe(100);
    expect(indicatorScore(yesNo, 0)).toBe(0);
  });

  it('measures a quantity where higher is better against its target, capped at 100', () => {
    expect(indicatorScore(quantity(10), 5)).toBe(50);
    expect(indicatorScore(quantity(10), 10)).toBe(100);
    expect(indicatorScore(quantity(10), 25)).toBe(100);
    expect(indicatorScore(quantity(10), -3)).toBe(0);
  });

  it('measures a quantity where lower is better: 100 up to the target, 0 from twice the target', () => {
    expect(indicatorScore(quantity(50, false), 20)).toBe(100);
    expect(indicatorScore(quantity(50, false), 50)).toBe(100);
    expect(indicatorScore(quantity(50, false), 75)).toBe(50);
    expect(indicatorScore(quantity(50, false), 100)).toBe(0);
    expect(indicatorScore(quantity(50, false), 400)).toBe(0);
  });

  it('gives no score to a quantity without a target, or with a target of 0 or less, nor to a narrative', () => {
    expect(indicatorScore(quantity(null), 12)).toBeNull();
    expect(indicatorScore(quantity(0), 12)).toBeNull();
    expect(indicatorScore(quantity(-5, false), 12)).toBeNull();
    expect(indicatorScore(narrative, 1)).toBeNull();
  });
});

describe('statistics', () => {
  it('means and medians the values that are there, null when none is', () => {
    expect(mean([10, null, 20, undefined])).toBe(15);
    expect(mean([null])).toBeNull();
    expect(median([30, 10, null, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('scores a criterion as the mean of its scored, answered indicators', () => {
    const indicators = [
      { id: 'a', ...yesNo },
      { id: 'b', ...level(1, 2, 3) },
      { id: 'c', ...quantity(null) },
      { id: 'd', ...yesNo },
    ];
    const values: Record<string, number> = { a: 1, b: 2, c: 7 };
    expect(criterionScore(indicators, (id) => values[id])).toBe(75);
    expect(criterionScore(indicators, () => undefined)).toBeNull();
  });

  it('flags self and peers more than the threshold apart, either way', () => {
    expect(divergence(90, 60)).toBe('self_above');
    expect(divergence(60, 90)).toBe('self_below');
    expect(divergence(85, 60)).toBeNull();
    expect(divergence(60, 85)).toBeNull();
    expect(divergence(null, 10)).toBeNull();
    expect(divergence(90, null)).toBeNull();
  });

  it('counts scores in fifths, 100 in the last', () => {
    expect(fifths([0, 19.9, 20, 50, 79.9, 80, 100, null])).toEqual([2, 1, 1, 1, 2]);
  });

  it('rounds scores to one decimal', () => {
    expect(rounded(200 / 3)).toBe(66.7);
    expect(rounded(null)).toBeNull();
  });
});

describe('tallyCriterion', () => {
  const indicator = (id: string, shape: ScoredIndicator): Indicator => ({
    id,
    stableId: id,
    criterionId: 'k',
    position: 1,
    title: { fr: id },
    description: null,
    unit: null,
    ...shape,
  });
  const criterion: Criterion = {
    id: 'k',
    stableId: 'k',
    dimensionId: 'd',
    position: 1,
    title: { fr: 'Critère' },
    description: null,
    narrativeRequired: false,
    evidenceAllowed: false,
    origin: null,
    indicators: [indicator('scale', level(1, 2, 3, 4, 5)), indicator('yes', yesNo)],
  };
  const answers = (scale: number, yes: number) =>
    new Map([
      ['scale', scale],
      ['yes', yes],
    ]);

  it('gives self and committee their own scores, peers and stakeholders the median of each one’s', () => {
    const tally = tallyCriterion(criterion, {
      self: answers(5, 1),
      peers: [answers(1, 0), answers(3, 1), answers(2, 0)],
      committee: answers(3, 0),
      stakeholders: [answers(4, 1), answers(2, 1)],
    });
    // Peers' criterion scores: 0, 75, 12.5 → median 12.5; stakeholders': 87.5, 62.5 → 75.
    expect(tally.scores).toEqual({ self: 100, peer: 12.5, stakeholder: 75, committee: 25 });
    expect(tally.indicators[0]).toMatchObject({
      self: { value: 5, score: 100 },
      peer: { count: 3, median: 2, score: 25 },
      stakeholder: { count: 2, median: 3, score: 50 },
      committee: { value: 3, score: 50 },
    });
    expect(tally.indicators[1].peer).toEqual({ count: 3, median: 0, score: 0 });
  });

  it('has nothing to say of a subject nobody answered for', () => {
    const tally = tallyCriterion(criterion, { self: null, peers: [], committee: null, stakeholders: [] });
    expect(tally.scores).toEqual({ self: null, peer: null, stakeholder: null, committee: null });
    expect(tally.indicators[0].peer).toEqual({ count: 0, median: null, score: null });
  });
});
