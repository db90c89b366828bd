import { platformState } from './platform-state';
import { tokenFor } from './identity';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiOptions {
  as?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls the gateway, optionally as a demo user with a real token, and parses the JSON answer. */
export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: ApiOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.as) headers.authorization = `Bearer ${await tokenFor(options.as)}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  } else if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${platformState().gatewayUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** The RFC 9457 problem the gateway answers with, as far as the tests read it. */
export interface Problem {
  status: number;
  code: string;
  errors?: { path: string }[];
  details?: Record<string, unknown>;
}

/** A suffix that keeps names, slugs and idempotency keys of one run apart from others'. */
export const uniqueStamp = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;
