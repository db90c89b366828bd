import type { Criterion, Dimension, Indicator } from '@convergences/contracts';
import { criterionScore, indicatorScore, mean, median, present } from './score';

/*
 * One subject's answers read as scores, per criterion and perspective. Self and committee are
 * one assessment each; peers and stakeholders are many, and their figure is the median of each
 * one's (a criterion's peer score is the median of the peers' criterion scores; an indicator's,
 * the median of the peers' values and of their scores). Pure: the use-cases bring the answers.
 */

/** One assessment's or stakeholder response's answers: a number per indicator id. */
export type Answers = ReadonlyMap<string, number>;

/** What a subject was told, submitted assessments only. */
export interface SubjectAnswers {
  self: Answers | null;
  peers: Answers[];
  committee: Answers | null;
  stakeholders: Answers[];
}

export const noAnswers = (): SubjectAnswers => ({ self: null, peers: [], committee: null, stakeholders: [] });

export interface Scores {
  self: number | null;
  peer: number | null;
  stakeholder: number | null;
  committee: number | null;
}

export interface IndicatorTally {
  indicator: Indicator;
  self: { value: number | null; score: number | null };
  peer: { count: number; median: number | null; score: number | null };
  stakeholder: { count: number; median: number | null; score: number | null };
  committee: { value: number | null; score: number | null };
}

export interface CriterionTally {
  criterion: Criterion;
  scores: Scores;
  indicators: IndicatorTally[];
}

export interface SubjectTally {
  /** By criterion id, in the tree's order. */
  criteria: Map<string, CriterionTally>;
  /** By dimension id: the mean of its criteria's scores. */
  dimensions: Map<string, Scores>;
}

function one(indicator: Indicator, answers: Answers | null) {
  const value = answers?.get(indicator.id) ?? null;
  return { value, score: value === null ? null : indicatorScore(indicator, value) };
}

function many(indicator: Indicator, answers: Answers[]) {
  const values = present(answers.map((a) => a.get(indicator.id)));
  return {
    count: values.length,
    median: median(values),
    score: median(values.map((v) => indicatorScore(indicator, v))),
  };
}

export function tallyCriterion(criterion: Criterion, answers: SubjectAnswers): CriterionTally {
  const scoreOf = (a: Answers | null) => (a ? criterionScore(criterion.indicators, (id) => a.get(id)) : null);
  return {
    criterion,
    scores: {
      self: scoreOf(answers.self),
      peer: median(answers.peers.map(scoreOf)),
      stakeholder: median(answers.stakeholders.map(scoreOf)),
      committee: scoreOf(answers.committee),
    },
    indicators: criterion.indicators.map((indicator) => ({
      indicator,
      self: one(indicator, answers.self),
      peer: many(indicator, answers.peers),
      stakeholder: many(indicator, answers.stakeholders),
      committee: one(indicator, answers.committee),
    })),
  };
}

export function tallySubject(tree: Dimension[], answers: SubjectAnswers): SubjectTally {
  const criteria = new Map<string, CriterionTally>();
  const dimensions = new Map<string, Scores>();
  for (const dimension of tree) {
    const tallies = dimension.criteria.map((c) => tallyCriterion(c, answers));
    for (const tally of tallies) criteria.set(tally.criterion.id, tally);
    const meanOf = (perspective: keyof Scores) => mean(tallies.map((t) => t.scores[perspective]));
    dimensions.set(dimension.id, {
      self: meanOf('self'),
      peer: meanOf('peer'),
      stakeholder: meanOf('stakeholder'),
      committee: meanOf('committee'),
    });
  }
  return { criteria, dimensions };
}
