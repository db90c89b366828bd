import { DomainError, type Page, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { createProposal } from './create-proposal';
import { findById, list, toProposal } from './proposal.repository';

@Controller()
export class ProposalHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<ProposalsDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('proposals.proposal.create')
  create(body: ParsedRequestOf<'proposals.proposal.create'>, context: RequestContext): Promise<Proposal> {
    return createProposal({ db: this.db, services: this.services }, context, body);
  }

  @Handles('proposals.proposal.get')
  async get(body: ParsedRequestOf<'proposals.proposal.get'>): Promise<Proposal> {
    const row = await findById(this.db, body.id);
    if (!row) throw new DomainError('not_found', 'No such proposal.');
    return toProposal(row);
  }

  @Handles('proposals.proposal.list')
  async list(query: ParsedRequestOf<'proposals.proposal.list'>): Promise<Page<Proposal>> {
    const { rows, total } = await list(this.db, query);
    return { data: rows.map((row) => toProposal(row)), meta: { total, page: query.page, perPage: query.perPage } };
  }
}
