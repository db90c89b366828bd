import type { StakeholderQuestionnaire, StakeholderReceipt, StakeholderRelation } from '@convergences/contracts';
import { buildUrl, type Query } from '../dataProvider/httpClient';
import type { Problem } from '../types';

/** A refusal of the public API, with what the page needs to explain it. */
export class PublicProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** For `429`: how long until another response is counted. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

const retryAfterOf = (problem: Problem, response: Response): number | undefined => {
  const inDetails = problem.details?.retryAfterSeconds;
  if (typeof inDetails === 'number') return inDetails;
  // Read only when the gateway exposes it to other origins; the problem's details say it anyway.
  const header = Number(response.headers.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? header : undefined;
};

/**
 * A request to the public API. Never with the signed-in person's token, nor cookies: a
 * stakeholder's response must not say who gave it, and a refusal here never sends anyone to sign
 * in (the back office's http client would hand a `401` to the auth provider).
 */
async function publicRequest<T>(
  path: string,
  locale: string,
  options: { method?: 'GET' | 'POST'; query?: Query; body?: unknown } = {},
): Promise<T> {
  const { method = 'GET', query, body } = options;
  const headers = new Headers({ Accept: 'application/json, application/problem+json', 'Accept-Language': locale });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PublicProblem(0, {});
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const problem: Problem = json && typeof json === 'object' ? (json as Problem) : {};
    throw new PublicProblem(response.status, problem, retryAfterOf(problem, response));
  }
  return json as T;
}

/** What a respondent sends: how they know the organisation, their answers, a comment; nothing of who they are. */
export interface StakeholderResponseInput {
  subjectId: string;
  relation: StakeholderRelation;
  answers: { indicatorId: string; value: number | boolean }[];
  comment?: string;
}

const questionnairePath = (campaignId: string) =>
  `/campaigns/${encodeURIComponent(campaignId)}/stakeholder-questionnaire`;

/** The stakeholders' questionnaire of an open campaign (regards des parties prenantes). */
export const publicApi = {
  /** Without a subject, the subjects to choose from; with one, its questions. */
  questionnaire(campaignId: string, subjectId: string | undefined, locale: string): Promise<StakeholderQuestionnaire> {
    return publicRequest(questionnairePath(campaignId), locale, { query: { subjectId } });
  },
  respond(campaignId: string, response: StakeholderResponseInput, locale: string): Promise<StakeholderReceipt> {
    return publicRequest(`${questionnairePath(campaignId)}/responses`, locale, { method: 'POST', body: response });
  },
};
