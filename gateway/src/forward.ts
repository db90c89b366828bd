import {
  DomainError,
  messages,
  parseOrFail,
  type MessagePattern,
  type RequestOf,
  type ResponseOf,
} from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { callContext, type GatewayRequest } from './auth/request-context';

/** Checks input against the pattern's contract (400 with field errors), then asks the service. */
export function forward<P extends MessagePattern>(
  services: ServiceClient,
  request: GatewayRequest,
  pattern: P,
  input: unknown,
  idempotencyKey?: string,
): Promise<ResponseOf<P>> {
  const body = parseOrFail(messages[pattern].request, input, 'request') as RequestOf<P>;
  return services.request(pattern, body, callContext(request, idempotencyKey));
}

/** Reads an `Idempotency-Key` header: 1 to 200 visible ASCII characters. */
export function idempotencyKeyOf(request: GatewayRequest): string | undefined {
  const key = request.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new DomainError('bad_request', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.');
  }
  return key;
}

/** A JSON object body, or an empty one when the request had none. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (
    body === undefined ||
    body === null ||
    (typeof body === 'object' && Object.keys(body).length === 0 && !Array.isArray(body))
  )
    return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new DomainError('validation_failed', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
