import { HttpError } from 'react-admin';

/** What to notify for a failed call: the problem's `detail` (see the data provider), or a generic message. */
export const problemMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'ra.notification.http_error';

/** The field errors of a 400 in react-admin's form shape, for a form's `onSubmit` to return. */
export const submissionErrorsOf = (error: unknown): Record<string, unknown> | undefined =>
  error instanceof HttpError ? (error.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
