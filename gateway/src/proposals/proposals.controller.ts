import type { Actor, Page, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  type StreamableFile,
} from '@nestjs/common';
import { SignedIn } from '../auth/actor.decorator';
import type { GatewayRequest } from '../auth/request-context';
import { forward, objectBody } from '../forward';
import { SERVICES } from '../tokens';
import { proposalMap, wantsGeoJson } from './proposal-map.response';

@Controller('api/v1/proposals')
export class ProposalsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** A page of proposals, or with `Accept: application/geo+json` the map of the same query. */
  @Get()
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<Page<Proposal> | StreamableFile> {
    if (wantsGeoJson(request)) return proposalMap(this.services, request, query);
    return forward(this.services, request, 'proposals.proposal.list', query);
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Proposal> {
    return forward(this.services, request, 'proposals.proposal.get', { id });
  }

  /** Its author edits a draft, or a published proposal within the edit window. */
  @Patch(':id')
  update(
    @SignedIn() _actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: GatewayRequest,
  ): Promise<Proposal> {
    return forward(this.services, request, 'proposals.proposal.update', { ...objectBody(body), id });
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Proposal> {
    return forward(this.services, request, 'proposals.proposal.publish', { id });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<Proposal> {
    return forward(this.services, request, 'proposals.proposal.withdraw', { id });
  }

  /** Its author deletes their draft. */
  @Delete(':id')
  @HttpCode(204)
  async deleteDraft(@SignedIn() _actor: Actor, @Param('id') id: string, @Req() request: GatewayRequest): Promise<void> {
    await forward(this.services, request, 'proposals.proposal.deleteDraft', { id });
  }
}
