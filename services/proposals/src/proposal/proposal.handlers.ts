import {
  DomainError,
  type Page,
  type ParsedRequestOf,
  type Proposal,
  type SimilarProposals,
} from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { participationOf } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { createProposal } from './create-proposal';
import { deleteDraft } from './delete-draft';
import { findSimilarProposals } from './find-similar-proposals';
import { publishProposal } from './publish-proposal';
import { updateProposal } from './update-proposal';
import { withdrawProposal } from './withdraw-proposal';
import { listProposals } from './list-proposals';
import { findById, toProposal } from './proposal.repository';
import { supportsHiddenFrom } from '../support/supports-hidden-in';

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

  /**
   * A draft is shown to its author alone; a proposal hidden by moderation to those who moderate
   * its process (it is never destroyed, and they may show it again); to anybody else neither exists.
   */
  @Handles('proposals.proposal.get')
  async get(body: ParsedRequestOf<'proposals.proposal.get'>, context: RequestContext): Promise<Proposal> {
    const row = await findById(this.db, body.id);
    if (!row || (row.state === 'draft' && row.author_id !== context.actor?.personId)) {
      throw new DomainError('not_found', 'No such proposal.');
    }
    if (row.hidden_at !== null) {
      const decision = context.actor
        ? await this.services.request(
            'processes.permission.check',
            { processId: row.process_id, action: 'moderate' },
            context,
          )
        : null;
      if (!decision?.allowed) throw new DomainError('not_found', 'No such proposal.');
    }
    const snapshot = await participationOf(this.db, row.process_id);
    // A proposal of a private process exists only for those who may see the process.
    if (snapshot?.visibility === 'private') {
      const decision = await this.services.request(
        'processes.permission.check',
        { processId: row.process_id, action: 'view' },
        context,
      );
      if (!decision.allowed) throw new DomainError('not_found', 'No such proposal.');
    }
    return toProposal(row, { supportsHidden: await supportsHiddenFrom(this.services, context, snapshot) });
  }

  @Handles('proposals.proposal.update')
  update(body: ParsedRequestOf<'proposals.proposal.update'>, context: RequestContext): Promise<Proposal> {
    return updateProposal({ db: this.db, services: this.services }, context, body);
  }

  @Handles('proposals.proposal.publish')
  publish(body: ParsedRequestOf<'proposals.proposal.publish'>, context: RequestContext): Promise<Proposal> {
    return publishProposal({ db: this.db, services: this.services }, context, body);
  }

  @Handles('proposals.proposal.withdraw')
  withdraw(body: ParsedRequestOf<'proposals.proposal.withdraw'>, context: RequestContext): Promise<Proposal> {
    return withdrawProposal(this.db, context, body);
  }

  @Handles('proposals.proposal.deleteDraft')
  deleteDraft(body: ParsedRequestOf<'proposals.proposal.deleteDraft'>, context: RequestContext): Promise<Proposal> {
    return deleteDraft(this.db, context, body);
  }

  @Handles('proposals.proposal.similar')
  similar(query: ParsedRequestOf<'proposals.proposal.similar'>): Promise<SimilarProposals> {
    return findSimilarProposals(this.db, query);
  }

  @Handles('proposals.proposal.list')
  list(query: ParsedRequestOf<'proposals.proposal.list'>, context: RequestContext): Promise<Page<Proposal>> {
    return listProposals({ db: this.db, services: this.services }, context, query);
  }
}
