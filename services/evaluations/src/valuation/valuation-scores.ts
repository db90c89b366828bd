import type { Answer, ValuationCriterionScore } from '@convergences/contracts';
import { criteriaOf, type AnsweredFramework } from '../answers/check-answers';
import { criterionScore, rounded } from '../results/score';

/**
 * A valuation's score per criterion, in the framework's order, scored as results score answers
 * (a level by its place on the scale, yes 100 and no 0, a quantity against its target), so that
 * admins compare proposals at a glance beside the valuators' narratives. `null` where nothing scores.
 */
export function valuationScores(framework: AnsweredFramework, answers: Answer[]): ValuationCriterionScore[] {
  const values = new Map(answers.flatMap((answer) => answer.values).map((v) => [v.indicatorId, v.value]));
  return criteriaOf(framework).map((criterion) => ({
    criterionId: criterion.id,
    score: rounded(criterionScore(criterion.indicators, (indicatorId) => values.get(indicatorId))),
  }));
}
