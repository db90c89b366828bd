import type { ParsedRequestOf, Proposal } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { createOfficialProposal } from './create-official-proposal';

@Controller()
export class OfficialProposalHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('proposals.proposal.createOfficial')
  create(body: ParsedRequestOf<'proposals.proposal.createOfficial'>, context: RequestContext): Promise<Proposal> {
    return createOfficialProposal({ db: this.db, services: this.services }, context, body);
  }
}
