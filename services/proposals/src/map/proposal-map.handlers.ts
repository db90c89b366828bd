import type { ParsedRequestOf, ProposalMapChunk } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { mapChunk } from './map-chunk';

@Controller()
export class ProposalMapHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('proposals.proposal.mapChunk')
  mapChunk(query: ParsedRequestOf<'proposals.proposal.mapChunk'>, context: RequestContext): Promise<ProposalMapChunk> {
    return mapChunk({ db: this.db, services: this.services }, context, query);
  }
}
