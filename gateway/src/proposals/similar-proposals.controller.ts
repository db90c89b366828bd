import type { SimilarProposals } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/processes/:idOrSlug/proposals/similar')
export class SimilarProposalsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** While a person writes: up to 5 published proposals of the process like `title` and `body`, with a score. */
  @Get()
  async similar(
    @Param('idOrSlug') idOrSlug: string,
    @Query() query: Record<string, unknown>,
    @Req() request: GatewayRequest,
  ): Promise<SimilarProposals> {
    const process = await forward(this.services, request, 'processes.process.get', { idOrSlug });
    return forward(this.services, request, 'proposals.proposal.similar', { ...query, processId: process.id });
  }
}
