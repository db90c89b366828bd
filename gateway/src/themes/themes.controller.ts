import type { Actor, Page, ResponseOf, Theme } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/themes')
export class ThemesController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<Theme>> {
    return forward(this.services, request, 'processes.theme.list', query);
  }

  // Before `:id`, or "tree" would be taken for an id.
  @Get('tree')
  tree(
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<ResponseOf<'processes.theme.tree'>> {
    return forward(this.services, request, 'processes.theme.tree', query);
  }

  @Post()
  @HttpCode(201)
  async create(
    @SignedIn() _actor: Actor,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Theme> {
    const theme = await forward(this.services, request, 'processes.theme.create', objectBody(body));
    response.location(`/api/v1/themes/${theme.id}`);
    return theme;
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Theme> {
    return forward(this.services, request, 'processes.theme.get', { id });
  }

  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Theme> {
    return forward(this.services, request, 'processes.theme.update', { ...objectBody(body), id });
  }
}
