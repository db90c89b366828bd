import type { Locale, OfficialProposalInput } from '../../types';

/** The official proposal form's values; the process is chosen in the form. */
export interface OfficialProposalFormValues {
  processId?: string | null;
  title?: string;
  body?: string;
  locale?: Locale;
  themeId?: string | null;
  territoryId?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

// The limits of `createOfficialProposalBodySchema` (libs/contracts/src/proposals): checked as one
// types so that each message shows next to its input; the API checks them again.
const TITLE_MIN = 15;
const TITLE_MAX = 150;
const BODY_MAX = 10_000;
const ADDRESS_MAX = 500;

const trimmed = (value: string | null | undefined) => (value ?? '').trim();
const given = (value: number | null | undefined): value is number =>
  value !== undefined && value !== null && !Number.isNaN(value);

type Errors = Record<string, string>;

/**
 * What is wrong with the form, as i18n keys per field: a process; a title of 15 to 150
 * characters; a text; where the process locates proposals, a place given whole (an address with
 * its latitude and longitude) or not at all. The territory is picked among the process's.
 */
export function validateOfficialProposal(values: OfficialProposalFormValues, geolocationEnabled: boolean): Errors {
  const errors: Errors = {};
  if (!values.processId) errors.processId = 'ra.validation.required';
  const title = trimmed(values.title);
  if (!title) errors.title = 'ra.validation.required';
  else if (title.length < TITLE_MIN) errors.title = 'app.official.validation.titleTooShort';
  else if (title.length > TITLE_MAX) errors.title = 'app.official.validation.titleTooLong';
  const body = trimmed(values.body);
  if (!body) errors.body = 'ra.validation.required';
  else if (body.length > BODY_MAX) errors.body = 'app.official.validation.bodyTooLong';
  if (geolocationEnabled) Object.assign(errors, placeErrors(values));
  return errors;
}

function placeErrors(values: OfficialProposalFormValues): Errors {
  const errors: Errors = {};
  const address = trimmed(values.address);
  const anyGiven = !!address || given(values.latitude) || given(values.longitude);
  if (address.length > ADDRESS_MAX) errors.address = 'app.official.validation.addressTooLong';
  else if (anyGiven && !address) errors.address = 'app.official.validation.placeWhole';
  for (const [field, limit] of [
    ['latitude', 90],
    ['longitude', 180],
  ] as const) {
    const value = values[field];
    if (given(value) && Math.abs(value) > limit) errors[field] = `app.official.validation.${field}Range`;
    else if (anyGiven && !given(value)) errors[field] = 'app.official.validation.placeWhole';
  }
  return errors;
}

/** What `POST /processes/{id}/proposals/official` gets: no place where the process locates none. */
export function toOfficialProposalInput(
  values: OfficialProposalFormValues,
  geolocationEnabled: boolean,
): OfficialProposalInput {
  const input: OfficialProposalInput = { title: trimmed(values.title), body: trimmed(values.body) };
  if (values.locale) input.locale = values.locale;
  if (values.themeId) input.themeId = values.themeId;
  if (values.territoryId) input.territoryId = values.territoryId;
  const address = trimmed(values.address);
  if (geolocationEnabled && address && given(values.latitude) && given(values.longitude)) {
    Object.assign(input, { address, latitude: values.latitude, longitude: values.longitude });
  }
  return input;
}
