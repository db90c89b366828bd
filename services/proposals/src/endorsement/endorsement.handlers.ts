import { DomainError, type Endorsement, type Page, type ParsedRequestOf } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { findById } from '../proposal/proposal.repository';
import { endorseProposal } from './endorse-proposal';
import { listOf, toEndorsement } from './endorsement.repository';
import { withdrawEndorsement } from './withdraw-endorsement';

@Controller()
export class EndorsementHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('proposals.endorsement.create')
  create(body: ParsedRequestOf<'proposals.endorsement.create'>, context: RequestContext): Promise<Endorsement> {
    return endorseProposal({ db: this.db, services: this.services }, context, body);
  }

  @Handles('proposals.endorsement.delete')
  delete(body: ParsedRequestOf<'proposals.endorsement.delete'>, context: RequestContext): Promise<Endorsement> {
    return withdrawEndorsement({ db: this.db, services: this.services }, context, body);
  }

  /** Public: endorsers of a published or withdrawn proposal (a draft has none, and is its author's alone). */
  @Handles('proposals.endorsement.list')
  async list(query: ParsedRequestOf<'proposals.endorsement.list'>): Promise<Page<Endorsement>> {
    const proposal = await findById(this.db, query.proposalId);
    if (!proposal || proposal.state === 'draft') throw new DomainError('not_found', 'No such proposal.');
    const { rows, total } = await listOf(this.db, query);
    return { data: rows.map((row) => toEndorsement(row)), meta: { total, page: query.page, perPage: query.perPage } };
  }
}
