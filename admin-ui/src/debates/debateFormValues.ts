// The contract's own schemas: the forms check what they send with the rules the API applies, as one types.
import {
  closeDebateBodySchema,
  createDebateBodySchema,
  debateNoticeInputSchema,
  updateDebateBodySchema,
} from '@convergences/contracts';
import type { Debate, DebateText } from '@convergences/contracts';
import type { DebateClosing, DebateUpdate, OfficialDebateInput } from '../dataProvider/debateEndpoints';
import { contractFieldErrors, type FieldErrors } from './contractFieldErrors';

/** A text in French and, if wanted, English, as its two inputs hold it. */
export type DebateTextValues = { fr?: string | null; en?: string | null } | null;

/** What the official debate form holds; dates are the `datetime-local` inputs' values (or the API's ISO ones). */
export interface DebateFormValues {
  processId?: string | null;
  title?: DebateTextValues;
  description?: DebateTextValues;
  instructions?: DebateTextValues;
  themeId?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
}

const trimmed = (value: string | null | undefined) => (value ?? '').trim();

/** `{ fr, en? }` from the inputs; French is kept even blank, for the contract to say it is missing. */
const textOf = (values: DebateTextValues | undefined): { fr: string; en?: string } => {
  const en = trimmed(values?.en);
  return { fr: trimmed(values?.fr), ...(en ? { en } : {}) };
};

/** An optional text: nothing when both inputs are blank. */
const optionalTextOf = (values: DebateTextValues | undefined) =>
  trimmed(values?.fr) || trimmed(values?.en) ? textOf(values) : undefined;

/** A local date and time from the form as an instant, as the API takes it. */
const instantOf = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
};

/** What `POST /processes/{id}/debates` gets from the form (`official: true` is added by the data provider). */
export function toOfficialDebateInput(values: DebateFormValues): OfficialDebateInput {
  const input: OfficialDebateInput = { title: textOf(values.title), description: textOf(values.description) };
  const instructions = optionalTextOf(values.instructions);
  if (instructions) input.instructions = instructions;
  if (values.themeId) input.themeId = values.themeId;
  const startsAt = instantOf(values.startsAt);
  const endsAt = instantOf(values.endsAt);
  if (startsAt) input.startsAt = startsAt;
  if (endsAt) input.endsAt = endsAt;
  return input;
}

/** What `PATCH /debates/{id}` gets from the edit form: every field, a blank one cleared. */
export function toDebateUpdate(values: DebateFormValues): DebateUpdate {
  return {
    title: textOf(values.title),
    description: textOf(values.description),
    instructions: optionalTextOf(values.instructions) ?? null,
    themeId: values.themeId || null,
    startsAt: instantOf(values.startsAt),
    endsAt: instantOf(values.endsAt),
  };
}

/** The create form's problems, by field: a process, then the contract's rules. */
export function validateOfficialDebate(values: DebateFormValues): FieldErrors {
  const errors = contractFieldErrors(createDebateBodySchema, { official: true, ...toOfficialDebateInput(values) });
  return values.processId ? errors : { ...errors, processId: 'ra.validation.required' };
}

export const validateDebateUpdate = (values: DebateFormValues): FieldErrors =>
  contractFieldErrors(updateDebateBodySchema, toDebateUpdate(values));

/** An information update or conclusions, as their dialog holds them. */
export interface DebateNoticeValues {
  body?: DebateTextValues;
}

export const toNotice = (values: DebateNoticeValues) => textOf(values.body);

export const validateInformationUpdate = (values: DebateNoticeValues): FieldErrors => {
  const errors = contractFieldErrors(debateNoticeInputSchema, toNotice(values));
  return Object.keys(errors).length > 0 ? { body: errors } : {};
};

export const toClosing = (values: DebateNoticeValues): DebateClosing => ({ conclusions: toNotice(values) });

export const validateClosing = (values: DebateNoticeValues): FieldErrors => {
  const { conclusions } = contractFieldErrors(closeDebateBodySchema, toClosing(values));
  return conclusions ? { body: conclusions } : {};
};

/** The edit form's starting values. */
export function formValuesOfDebate(debate: Debate): DebateFormValues {
  const values = (text: DebateText | null) => ({ fr: text?.fr ?? '', en: text?.en ?? '' });
  return {
    processId: debate.processId,
    title: values(debate.title),
    description: values(debate.description),
    instructions: values(debate.instructions),
    themeId: debate.themeId,
    startsAt: debate.startsAt,
    endsAt: debate.endsAt,
  };
}
