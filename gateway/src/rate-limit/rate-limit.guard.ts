import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
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

  /** Adds the standard Retry-After header (the library only sets one suffixed per limit). */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', Math.max(1, detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
