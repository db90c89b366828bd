import { HttpError } from 'react-admin';
import { getAccessToken } from '../authProvider/keycloak';
import { config } from '../config';
import type { Problem } from '../types';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
}

/** The UI locale, sent as Accept-Language so that the API answers problems in it. */
let currentLocale = 'fr';
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

export function buildUrl(path: string, query?: Query): string {
  const url = new URL(`${config.apiUrl}${path.startsWith('/') ? path : `/${path}`}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** `{ title: { fr: 'msg' } }` from `[{ path: 'title.fr', message: 'msg' }]`, as react-admin forms expect. */
export function fieldErrorsOf(errors: Problem['errors']): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { path, message } of errors ?? []) {
    const segments = String(path)
      .split(/[./]/)
      .filter((segment) => segment !== '');
    if (segments[0] === 'body') segments.shift();
    if (segments.length === 0) continue;
    let node = result;
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        if (node[segment] === undefined || typeof node[segment] === 'string') node[segment] = message;
      } else {
        if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
        node = node[segment] as Record<string, unknown>;
      }
    });
  }
  return result;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Calls the gateway with the signed-in user's bearer token (refreshed first when about to expire).
 * Failures become react-admin `HttpError`s whose message is the problem's `detail` and whose body
 * carries the problem plus, for validation failures, the field errors in react-admin's form shape.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<{ status: number; json: T }> {
  const { method = 'GET', query, body } = options;
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLocale,
  });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const token = await getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    console.error('[api] network error', error);
    throw new HttpError('app.errors.network', 0, {});
  }

  const json = await readBody(response);
  if (!response.ok) {
    const problem: Problem = json && typeof json === 'object' ? (json as Problem) : {};
    const message = problem.detail || problem.title || 'ra.notification.http_error';
    const fieldErrors = fieldErrorsOf(problem.errors);
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    throw new HttpError(message, response.status, {
      ...problem,
      // react-admin shows these next to the form's inputs, and root.serverError as the notification.
      errors: hasFieldErrors ? { ...fieldErrors, root: { serverError: message } } : undefined,
    });
  }
  return { status: response.status, json: json as T };
}
