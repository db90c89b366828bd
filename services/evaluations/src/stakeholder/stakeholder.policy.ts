import {
  DomainError,
  STAKEHOLDER_LIMITS,
  STAKEHOLDER_WINDOW_HOURS,
  type Dimension,
  type FieldError,
  type StakeholderCriterion,
  type StakeholderQuestion,
} from '@convergences/contracts';
import type { CampaignStatus } from '../campaign/campaign.tables';

/*
 * The rules of stakeholders' voices: the questionnaire is open while the campaign is; it asks,
 * of the criteria the coordinators chose, only what a passer-by can answer (levels, yes/no); an
 * answer fits its question; one source gives a few responses a day, no more. Pure: the
 * use-cases load the facts and call these.
 */

/** Stakeholders are heard while the campaign is open only. */
export function assertOpen(status: CampaignStatus, doing: string): void {
  if (status !== 'open') {
    throw new DomainError('campaign_state', `This campaign is ${status}: it ${doing} only while open.`, { status });
  }
}

/**
 * The questionnaire's criteria: those chosen (ids in the campaign's version), in the framework's
 * order, each with its level scales and yes/no indicators; quantities and narratives are not
 * asked of the public, and a chosen criterion with nothing to ask is left out.
 */
export function questionsOf(tree: Dimension[], chosen: readonly string[]): StakeholderCriterion[] {
  const wanted = new Set(chosen);
  return tree
    .flatMap((dimension) => dimension.criteria)
    .filter((criterion) => wanted.has(criterion.id))
    .map((criterion) => ({
      criterionId: criterion.id,
      title: criterion.title,
      description: criterion.description,
      questions: criterion.indicators.flatMap((indicator): StakeholderQuestion[] =>
        indicator.kind === 'level_scale' || indicator.kind === 'yes_no'
          ? [
              {
                indicatorId: indicator.id,
                kind: indicator.kind,
                title: indicator.title,
                description: indicator.description,
                levels: indicator.levels,
              },
            ]
          : [],
      ),
    }))
    .filter((criterion) => criterion.questions.length > 0);
}

/** An answer as stored: its criterion and one number (a level's value, 1 for yes, 0 for no). */
export interface StoredAnswer {
  indicatorId: string;
  criterionId: string;
  value: number;
}

/**
 * Answers as stored, or every problem named at once with its path (`answers.2.value`): each
 * indicator a question of this questionnaire, once; a level of its scale; a boolean for yes/no.
 */
export function checkedAnswers(
  criteria: StakeholderCriterion[],
  answers: { indicatorId: string; value: number | boolean }[],
): StoredAnswer[] {
  const questions = new Map(
    criteria.flatMap((criterion) => criterion.questions.map((q) => [q.indicatorId, { ...q, criterion }] as const)),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const stored: StoredAnswer[] = [];
  answers.forEach((answer, i) => {
    const at = `answers.${i}`;
    const question = questions.get(answer.indicatorId);
    if (!question) {
      errors.push({
        path: `${at}.indicatorId`,
        message: `${answer.indicatorId} is not a question of this questionnaire.`,
      });
      return;
    }
    if (seen.has(answer.indicatorId)) {
      errors.push({ path: `${at}.indicatorId`, message: `${answer.indicatorId} is answered twice.` });
      return;
    }
    seen.add(answer.indicatorId);
    const title = `"${question.title.fr}"`;
    if (question.kind === 'yes_no') {
      if (typeof answer.value !== 'boolean') {
        errors.push({ path: `${at}.value`, message: `${title} is a yes/no question: give true or false.` });
        return;
      }
      stored.push({
        indicatorId: question.indicatorId,
        criterionId: question.criterion.criterionId,
        value: +answer.value,
      });
      return;
    }
    if (typeof answer.value !== 'number' || !question.levels.some((level) => level.value === answer.value)) {
      const levels = question.levels.map((level) => `${level.value} (${level.label.fr})`).join(', ');
      errors.push({
        path: `${at}.value`,
        message: `${String(answer.value)} is not a level of ${title}: give one of ${levels}.`,
      });
      return;
    }
    stored.push({
      indicatorId: question.indicatorId,
      criterionId: question.criterion.criterionId,
      value: answer.value,
    });
  });
  if (errors.length > 0) throw new DomainError('validation_failed', 'The response is invalid.', undefined, errors);
  return stored;
}

/** A response from the same source in the window: its subject, and in how many seconds it leaves the window. */
export interface RecentResponse {
  subjectId: string;
  expiresInSeconds: number;
}

/**
 * Refuses a response over either limit (per subject, per campaign) with the seconds until one
 * would be taken. `recent` are the source's responses to the campaign in the window, oldest first.
 */
export function assertWithinLimits(recent: RecentResponse[], subjectId: string): void {
  const waits: number[] = [];
  const wait = (responses: RecentResponse[], limit: number) => {
    // Once the (n − limit + 1) oldest have left the window, one more fits.
    if (responses.length >= limit) waits.push(responses[responses.length - limit].expiresInSeconds);
  };
  wait(
    recent.filter((r) => r.subjectId === subjectId),
    STAKEHOLDER_LIMITS.perSubject,
  );
  wait(recent, STAKEHOLDER_LIMITS.perCampaign);
  if (waits.length === 0) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits)));
  throw new DomainError(
    'rate_limited',
    `Enough responses came from here in ${STAKEHOLDER_WINDOW_HOURS} hours: at most ` +
      `${STAKEHOLDER_LIMITS.perSubject} per organisation and ${STAKEHOLDER_LIMITS.perCampaign} per campaign. ` +
      `Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
  );
}
