import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { GatewayRequest } from '../auth/request-context';

/** The client's address, as Express sees it (behind a trusted proxy, the forwarded one). */
export function clientIp(request: GatewayRequest): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/** Who a user limit counts against: the person when signed in, else their address. */
export function userTracker(request: GatewayRequest): string {
  return request.actor ? `person:${request.actor.personId}` : `ip:${clientIp(request)}`;
}

/** Rate limits per IP and per user; runs after the actor is known. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    return clientIp(request as unknown as GatewayRequest);
  }
}
