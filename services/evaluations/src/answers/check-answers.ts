import {
  DomainError,
  type Answer,
  type AnswerInput,
  type Criterion,
  type FieldError,
  type Framework,
  type Indicator,
  type MissingAnswer,
} from '@convergences/contracts';

/*
 * The rules of answers, shared by every kind of assessment (self, peer, committee, valuation):
 * an answer fits the framework version it answers, criterion by criterion, indicator by
 * indicator; an assessment is complete once every indicator is valued and every story told.
 */

/** What the rules need of a framework version: its number and its tree. */
export type AnsweredFramework = Pick<Framework, 'version' | 'dimensions'>;

export function criteriaOf(framework: AnsweredFramework): Criterion[] {
  return framework.dimensions.flatMap((dimension) => dimension.criteria);
}

/** Whether a criterion's answer must tell its story: it says so, or one of its indicators is a narrative. */
export function needsNarrative(criterion: Criterion): boolean {
  return criterion.narrativeRequired || criterion.indicators.some((indicator) => indicator.kind === 'narrative');
}

const kindNames: Record<Indicator['kind'], string> = {
  quantitative: 'a quantitative indicator',
  level_scale: 'a level scale',
  yes_no: 'a yes/no indicator',
  narrative: 'a narrative indicator',
};

/** Why a value does not fit an indicator, or nothing when it does (`null` clears and always fits). */
function valueProblem(indicator: Indicator, value: number | boolean | null): string | undefined {
  if (value === null) return undefined;
  const title = `"${indicator.title.fr}"`;
  switch (indicator.kind) {
    case 'quantitative':
      if (typeof value !== 'number') return `${title} is ${kindNames.quantitative}: give a number, not ${value}.`;
      if (!Number.isFinite(value)) return `${title} is ${kindNames.quantitative}: give a finite number.`;
      return undefined;
    case 'yes_no':
      if (typeof value !== 'boolean') return `${title} is ${kindNames.yes_no}: give true or false, not ${value}.`;
      return undefined;
    case 'level_scale': {
      const allowed = indicator.levels.map((level) => level.value);
      if (typeof value !== 'number' || !allowed.includes(value)) {
        const levels = indicator.levels.map((level) => `${level.value} (${level.label.fr})`).join(', ');
        return `${value} is not a level of ${title}: give one of ${levels}.`;
      }
      return undefined;
    }
    case 'narrative':
      return `${title} is ${kindNames.narrative}: it is answered by the criterion's narrative, not by a value.`;
  }
}

/**
 * Refuses answers that do not fit the framework version, every problem named at once with its
 * path (`answers.2.values.0.value`), before anything is written.
 */
export function checkAnswers(framework: AnsweredFramework, answers: AnswerInput[]): void {
  const criteria = new Map(criteriaOf(framework).map((criterion) => [criterion.id, criterion]));
  const errors: FieldError[] = [];
  const seenCriteria = new Set<string>();
  answers.forEach((answer, i) => {
    const at = `answers.${i}`;
    const criterion = criteria.get(answer.criterionId);
    if (!criterion) {
      errors.push({
        path: `${at}.criterionId`,
        message: `Criterion ${answer.criterionId} is not in version ${framework.version} of this framework.`,
      });
      return;
    }
    if (seenCriteria.has(criterion.id)) {
      errors.push({
        path: `${at}.criterionId`,
        message: `Criterion "${criterion.title.fr}" is answered twice: give each criterion once.`,
      });
    }
    seenCriteria.add(criterion.id);
    if (answer.evidence && answer.evidence.length > 0 && !criterion.evidenceAllowed) {
      errors.push({
        path: `${at}.evidence`,
        message: `Criterion "${criterion.title.fr}" takes no evidence.`,
      });
    }
    const indicators = new Map(criterion.indicators.map((indicator) => [indicator.id, indicator]));
    const seenIndicators = new Set<string>();
    (answer.values ?? []).forEach((given, j) => {
      const indicator = indicators.get(given.indicatorId);
      if (!indicator) {
        errors.push({
          path: `${at}.values.${j}.indicatorId`,
          message: `Indicator ${given.indicatorId} is not an indicator of criterion "${criterion.title.fr}".`,
        });
        return;
      }
      if (seenIndicators.has(indicator.id)) {
        errors.push({
          path: `${at}.values.${j}.indicatorId`,
          message: `Indicator "${indicator.title.fr}" is given twice: give each indicator once.`,
        });
      }
      seenIndicators.add(indicator.id);
      const problem = valueProblem(indicator, given.value);
      if (problem) errors.push({ path: `${at}.values.${j}.value`, message: problem });
    });
  });
  if (errors.length > 0) {
    throw new DomainError('validation_failed', 'These answers do not fit the framework.', undefined, errors);
  }
}

/** How an indicator's value is stored: a number as it is, yes / no as 1 / 0. */
export function storedValue(value: number | boolean): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** A narrative as stored: an empty one is none. */
export function storedNarrative(narrative: string | null): string | null {
  return narrative === null || narrative.trim() === '' ? null : narrative;
}

/**
 * What an assessment still lacks to be submitted, criterion by criterion, in the framework's
 * order: every indicator but narrative ones valued, a narrative wherever one is needed.
 */
export function missingAnswers(framework: AnsweredFramework, saved: Answer[]): MissingAnswer[] {
  const answers = new Map(saved.map((answer) => [answer.criterionId, answer]));
  const gaps: MissingAnswer[] = [];
  for (const criterion of criteriaOf(framework)) {
    const answer = answers.get(criterion.id);
    const valued = new Set((answer?.values ?? []).map((value) => value.indicatorId));
    const missing: string[] = [];
    if (needsNarrative(criterion) && !answer?.narrative?.trim()) missing.push('narrative');
    for (const indicator of criterion.indicators) {
      if (indicator.kind !== 'narrative' && !valued.has(indicator.id)) missing.push(`indicator:${indicator.id}`);
    }
    if (missing.length > 0) gaps.push({ criterionId: criterion.id, missing });
  }
  return gaps;
}

/** Refuses to submit an incomplete assessment, with everything missing in `details.missing`. */
export function assertAnswersComplete(framework: AnsweredFramework, saved: Answer[]): void {
  const missing = missingAnswers(framework, saved);
  if (missing.length > 0) {
    const count = missing.length;
    throw new DomainError(
      'assessment_incomplete',
      `This assessment is not complete: ${count} ${count === 1 ? 'criterion lacks' : 'criteria lack'} an answer.`,
      { missing },
    );
  }
}
