import type { ParsedRequestOf, ProposalExportChunk } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { exportChunkOf } from './export-chunk';

@Controller()
export class ProposalExportHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('proposals.proposal.exportChunk')
  exportChunk(
    request: ParsedRequestOf<'proposals.proposal.exportChunk'>,
    context: RequestContext,
  ): Promise<ProposalExportChunk> {
    return exportChunkOf({ db: this.db, services: this.services }, context, request);
  }
}
