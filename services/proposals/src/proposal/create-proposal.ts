import { DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { idempotentCreation } from '@convergences/database';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { participationInForce, rememberAuthor } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { assertPlacement } from './proposal-placement';
import { insertDraftUnlessOpen } from './proposal-lifecycle.repository';
import { assertMayCreateProposal } from './proposal.policy';
import { findById, insert, toProposal } from './proposal.repository';
import { announcePublished, claimPublication } from './publish-proposal';

export interface CreateProposalDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * A participant writes a proposal when the process's active phase opens proposals: published at
 * once, or kept as their one open draft in the process (`draft: true` answers the open draft if
 * there is one). The process is asked before the transaction opens; a retried request answers
 * the first result and creates nothing twice.
 */
export async function createProposal(
  deps: CreateProposalDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.create'>,
): Promise<Proposal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to submit a proposal.');
  return idempotentCreation(
    deps.db,
    { personId: actor.personId, operation: 'proposals.proposal.create', key: context.idempotencyKey },
    async () => {
      const decision = await deps.services.request(
        'processes.permission.check',
        { processId: request.processId, action: 'create_proposal' },
        context,
      );
      assertMayCreateProposal(actor, decision);
      const participation = await participationInForce(deps.db, deps.services, decision.processId, context);
      const placement = {
        themeId: request.themeId ?? null,
        territoryId: request.territoryId ?? null,
        address: request.address ?? null,
        latitude: request.latitude ?? null,
        longitude: request.longitude ?? null,
      };
      await assertPlacement(deps.services, context, participation, placement);
      return { processId: decision.processId, placement };
    },
    async (trx, { processId, placement }) => {
      await rememberAuthor(trx, actor.personId, actor.displayName);
      const written = {
        process_id: processId,
        title: request.title,
        body: request.body,
        locale: request.locale ?? actor.locale,
        author_id: actor.personId,
        theme_id: placement.themeId,
        territory_id: placement.territoryId,
        address: placement.address,
        latitude: placement.latitude,
        longitude: placement.longitude,
      };
      if (request.draft) {
        const draftId = await insertDraftUnlessOpen(trx, { ...written, id: uuidv7(), state: 'draft' });
        return toProposal((await findById(trx, draftId))!);
      }
      const now = new Date();
      const id = uuidv7();
      const reference = await claimPublication(trx, processId, actor.personId, now);
      await insert(trx, { ...written, id, reference, state: 'published', published_at: now });
      const proposal = toProposal((await findById(trx, id))!);
      await announcePublished(trx, actor, proposal);
      return proposal;
    },
  );
}
