import type { AnswerInput, ProposalAnswer, TranslatedText } from '../types';

/** The answer form's values: the cost in euros (the API takes integer cents). */
export interface AnswerFormValues {
  state: string;
  body: { fr?: string; en?: string };
  costEuros?: number | null;
  costReport: { fr?: string; en?: string };
  executionPeriod?: string;
  publish: boolean;
}

const TEXT_MAX = 10_000;
/** A billion euros, as the contract's `costCentsSchema`. */
const COST_MAX_EUROS = 1_000_000_000;

export const formValuesOfAnswer = (answer: ProposalAnswer | null | undefined): AnswerFormValues => ({
  state: answer?.state ?? '',
  body: { fr: answer?.body?.fr ?? '', en: answer?.body?.en ?? '' },
  costEuros: answer?.costCents == null ? null : answer.costCents / 100,
  costReport: { fr: answer?.costReport?.fr ?? '', en: answer?.costReport?.en ?? '' },
  executionPeriod: answer?.executionPeriod ?? '',
  publish: true,
});

const trimmed = (value: string | undefined) => (value ?? '').trim();

function translated(text: { fr?: string; en?: string }): TranslatedText | undefined {
  const fr = trimmed(text.fr);
  const en = trimmed(text.en);
  if (!fr) return undefined;
  return en ? { fr, en } : { fr };
}

/** Euros as integer cents, rounded to the cent. */
export const centsOf = (euros: number): number => Math.round(euros * 100);

/** What `PUT /proposals/{id}/answer` gets from the form. */
export function toAnswerInput(values: AnswerFormValues): AnswerInput {
  const input: AnswerInput = { state: values.state, publish: values.publish };
  const body = translated(values.body);
  if (body) input.body = body;
  if (values.costEuros !== undefined && values.costEuros !== null && !Number.isNaN(values.costEuros)) {
    input.costCents = centsOf(values.costEuros);
  }
  const costReport = translated(values.costReport);
  if (costReport) input.costReport = costReport;
  const period = trimmed(values.executionPeriod);
  if (period) input.executionPeriod = period;
  return input;
}

type Errors = Record<string, unknown>;

function set(errors: Errors, path: string, message: string): void {
  const [head, tail] = path.split('.');
  if (tail) errors[head] = { ...((errors[head] as Errors | undefined) ?? {}), [tail]: message };
  else errors[head] = message;
}

/**
 * The contract's rules, checked as one types (`answerProposalBodySchema` and the process's
 * `answersWithCosts`): a state; a text to reject; costs, a cost report and an execution period to
 * accept when the process states costs; a cost of 0 to 1 000 000 000 €; texts of at most 10 000
 * characters, an English text only beside a French one. Messages are i18n keys.
 */
export function validateAnswer(values: AnswerFormValues, answersWithCosts: boolean): Errors {
  const errors: Errors = {};
  if (!trimmed(values.state)) set(errors, 'state', 'ra.validation.required');
  if (values.state === 'rejected' && !trimmed(values.body?.fr))
    set(errors, 'body.fr', 'app.answer.validation.rejectionText');
  for (const field of ['body', 'costReport'] as const) {
    for (const locale of ['fr', 'en'] as const) {
      if ((values[field]?.[locale] ?? '').length > TEXT_MAX)
        set(errors, `${field}.${locale}`, 'app.answer.validation.tooLong');
    }
    if (trimmed(values[field]?.en) && !trimmed(values[field]?.fr))
      set(errors, `${field}.fr`, 'app.answer.validation.frenchFirst');
  }
  const cost = values.costEuros;
  const hasCost = cost !== undefined && cost !== null && !Number.isNaN(cost);
  if (hasCost && (cost < 0 || cost > COST_MAX_EUROS)) set(errors, 'costEuros', 'app.answer.validation.costRange');
  else if (hasCost && Math.abs(centsOf(cost) - cost * 100) > 1e-6)
    set(errors, 'costEuros', 'app.answer.validation.costCents');
  if ((values.executionPeriod ?? '').length > 200)
    set(errors, 'executionPeriod', 'app.answer.validation.periodTooLong');
  if (values.state === 'accepted' && answersWithCosts) {
    if (!hasCost) set(errors, 'costEuros', 'app.answer.validation.costRequired');
    if (!trimmed(values.costReport?.fr)) set(errors, 'costReport.fr', 'app.answer.validation.costReportRequired');
    if (!trimmed(values.executionPeriod)) set(errors, 'executionPeriod', 'app.answer.validation.periodRequired');
  }
  return errors;
}
