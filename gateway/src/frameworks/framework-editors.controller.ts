import type { Actor, FrameworkEditor } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

/** The editors of a framework's lineage (any of its versions' ids names it): platform admins name them. */
@Controller('api/v1/frameworks/:frameworkId/editors')
export class FrameworkEditorsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  list(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Req() request: GatewayRequest,
  ): Promise<{ data: FrameworkEditor[] }> {
    return forward(this.services, request, 'evaluations.frameworkEditor.list', { frameworkId });
  }

  /** Naming an editor again answers the first naming. */
  @Post()
  @HttpCode(201)
  add(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<FrameworkEditor> {
    return forward(this.services, request, 'evaluations.frameworkEditor.add', { ...objectBody(body), frameworkId });
  }

  /** 204 also when the person was not an editor. */
  @Delete(':personId')
  @HttpCode(204)
  async remove(
    @SignedIn() _actor: Actor,
    @Param('frameworkId') frameworkId: string,
    @Param('personId') personId: string,
    @Req() request: GatewayRequest,
  ): Promise<void> {
    await forward(this.services, request, 'evaluations.frameworkEditor.remove', { frameworkId, personId });
  }
}
