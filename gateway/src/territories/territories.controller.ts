import type { Actor, Page, ResponseOf, Territory } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/territories')
export class TerritoriesController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<Territory>> {
    return forward(this.services, request, 'processes.territory.list', query);
  }

  // Before `:id`, or "tree" would be taken for an id.
  @Get('tree')
  tree(
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<ResponseOf<'processes.territory.tree'>> {
    return forward(this.services, request, 'processes.territory.tree', query);
  }

  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Territory> {
    const territory = await forward(this.services, request, 'processes.territory.create', objectBody(body));
    response.location(`/api/v1/territories/${territory.id}`);
    return territory;
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Territory> {
    return forward(this.services, request, 'processes.territory.get', { id });
  }

  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Territory> {
    return forward(this.services, request, 'processes.territory.update', { ...objectBody(body), id });
  }
}
