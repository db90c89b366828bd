import type { Page, ParsedRequestOf, Proposal } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { participationInForce } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { supportsHiddenFrom } from '../support/supports-hidden-in';
import { resolveFilters, randomSeedOf } from './proposal-filters';
import { list, processesHidingSupports } from './proposal-list.repository';
import { toProposal } from './proposal.repository';

export interface ListProposalsDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * A page of public proposals: never drafts, never hidden ones. Where the active phase hides
 * support counts they are `null` and `mostSupported` orders as `recent` (except for those who run
 * the process, asking about it alone).
 */
export async function listProposals(
  deps: ListProposalsDeps,
  context: CallContext,
  query: ParsedRequestOf<'proposals.proposal.list'>,
): Promise<Page<Proposal>> {
  const filters = await resolveFilters(deps.services, context, query);
  const supportsHidden = query.processId
    ? await supportsHiddenFrom(
        deps.services,
        context,
        await participationInForce(deps.db, deps.services, query.processId, context),
      )
    : ('some' as const);
  const { rows, total } = await list(deps.db, filters, {
    sort: query.sort,
    seed: randomSeedOf(query.seed, context.actor),
    page: query.page,
    perPage: query.perPage,
    supportsHidden,
  });
  const hiding =
    supportsHidden === 'some'
      ? await processesHidingSupports(
          deps.db,
          rows.map((r) => r.process_id),
        )
      : null;
  const hidden = (processId: string) => (hiding ? hiding.has(processId) : supportsHidden === true);
  return {
    data: rows.map((row) => toProposal(row, { supportsHidden: hidden(row.process_id) })),
    meta: { total, page: query.page, perPage: query.perPage },
  };
}
