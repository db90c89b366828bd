import type { Page, Proposal } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/proposals')
export class ProposalsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  @Get()
  list(@Query() query: Record<string, unknown>, @Req() request: GatewayRequest): Promise<Page<Proposal>> {
    return forward(this.services, request, 'proposals.proposal.list', query);
  }

  @Get(':id')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<Proposal> {
    return forward(this.services, request, 'proposals.proposal.get', { id });
  }
}
