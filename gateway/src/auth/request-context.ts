import type { Actor, Locale } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Request } from 'express';

/** What the gateway attaches to each HTTP request before a controller sees it. */
export interface GatewayRequest extends Request {
  id: string;
  actor?: Actor | null;
}

/** The request's preferred locale from Accept-Language: French unless English comes first. */
export function preferredLocale(request: Request): Locale {
  const accepted = request.acceptsLanguages('fr', 'en');
  return accepted === 'en' ? 'en' : 'fr';
}

/** The call context a controller passes to the services. */
export function callContext(request: GatewayRequest, idempotencyKey?: string): CallContext {
  return {
    actor: request.actor ?? null,
    requestId: request.id,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}
