import type { ActivityEntry, Actor, Page } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1')
export class ActivityController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** The platform's activity log, for platform admins. */
  @Get('activity')
  list(
    @SignedIn() _actor: Actor,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<ActivityEntry>> {
    return forward(this.services, request, 'debates.activity.list', query);
  }
}
