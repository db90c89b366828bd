import { maxLength, maxValue, minLength, minValue, regex, required, type Validator } from 'react-admin';

// The same limits as the contracts (libs/contracts/src/processes/*.ts), checked before sending so
// that the form says what is wrong next to the input; the API checks them again.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HTTP_URL = /^https?:\/\/\S+$/;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** A whole number (number inputs also accept decimals). */
export const integer: Validator = (value: unknown) =>
  isBlank(value) || Number.isInteger(Number(value)) ? undefined : 'app.validation.integer';

/** A required whole number between `min` and `max`. */
export const countBetween = (min: number, max: number): Validator[] => [
  required(),
  integer,
  minValue(min),
  maxValue(max),
];

export const slugValidation = [minLength(3), maxLength(80), regex(SLUG_PATTERN, 'app.validation.slug')];
export const httpUrlValidation = [maxLength(2000), regex(HTTP_URL, 'app.validation.httpUrl')];

/** The French text of an optional translated field is required once its English text is given. */
export const frenchWithEnglish =
  (field: string): Validator =>
  (value: unknown, allValues: Record<string, Record<string, unknown> | undefined>) =>
    isBlank(typeof value === 'string' ? value.trim() : value) &&
    typeof allValues?.[field]?.en === 'string' &&
    (allValues[field]?.en as string).trim() !== ''
      ? 'app.validation.frenchWithEnglish'
      : undefined;

/** The end date (YYYY-MM-DD) is not before the start date. */
export const notBeforeStartDate: Validator = (value: unknown, allValues: { startDate?: string | null }) =>
  typeof value === 'string' && value && allValues?.startDate && value < allValues.startDate
    ? 'app.validation.endBeforeStart'
    : undefined;

/** The minimum supports per person does not exceed the support quota (0: no quota). */
export const notAboveQuota: Validator = (
  value: unknown,
  allValues: { settings?: { supportQuota?: number | string | null } },
) => {
  const quota = Number(allValues?.settings?.supportQuota ?? 0);
  return !isBlank(value) && quota > 0 && Number(value) > quota
    ? { message: 'app.validation.minimumAboveQuota', args: { quota } }
    : undefined;
};

/** A phase's end (a `datetime-local` value) comes after its start. */
export const afterPhaseStart: Validator = (value: unknown, allValues: { startsAt?: string | null }) =>
  typeof value === 'string' && value && allValues?.startsAt && Date.parse(value) <= Date.parse(allValues.startsAt)
    ? 'app.validation.endsBeforeStart'
    : undefined;

/** A phase that activates by itself needs a start. */
export const startOfScheduledPhase: Validator = (value: unknown, allValues: { autoActivate?: boolean | null }) =>
  allValues?.autoActivate && isBlank(value) ? 'app.validation.scheduledPhaseNeedsStart' : undefined;
