import type { ProcessStats } from '@convergences/contracts';
import type { ServiceClient } from '@convergences/messaging';
import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import type { GatewayRequest } from '../auth/request-context';
import { forward } from '../forward';
import { SERVICES } from '../tokens';

@Controller('api/v1/processes')
export class ProcessStatsController {
  constructor(@Inject(SERVICES) private readonly services: ServiceClient) {}

  /** A process's participation totals and daily lines, for whoever may see the process (404 otherwise). */
  @Get(':id/stats')
  get(@Param('id') id: string, @Req() request: GatewayRequest): Promise<ProcessStats> {
    return forward(this.services, request, 'processes.stats.get', { processId: id });
  }
}
