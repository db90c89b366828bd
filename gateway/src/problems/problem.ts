import { statusOf, type FieldError } from '@convergences/contracts';

/** An RFC 9457 problem document, with the platform's machine-readable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Builds the problem for a code, with its HTTP status and a stable type URI. */
export function problemOf(
  code: string,
  detail: string,
  extra: Partial<Pick<Problem, 'instance' | 'requestId' | 'errors' | 'details'>> = {},
  status = statusOf(code),
): Problem {
  return {
    type: `urn:convergences:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}
