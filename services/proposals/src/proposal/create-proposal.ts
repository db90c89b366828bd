import { DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { idempotent } from '@convergences/database';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { rememberAuthor } from '../authors/authors.repository';
import type { ProposalsDatabase } from '../db/schema';
import { assertMayCreateProposal } from './proposal.policy';
import { findById, insert, nextReference, toProposal } from './proposal.repository';

export interface CreateProposalDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/** A participant submits a proposal when the process's active phase opens proposals; a retried request creates nothing twice. */
export async function createProposal(
  deps: CreateProposalDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.create'>,
): Promise<Proposal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to submit a proposal.');
  return deps.db.transaction().execute((trx) =>
    idempotent(
      trx,
      { personId: actor.personId, operation: 'proposals.proposal.create', key: context.idempotencyKey },
      async () => {
        // Asked only for a first request: a retry answers what the first one got, even once the phase has closed.
        const decision = await deps.services.request(
          'processes.permission.check',
          { processId: request.processId, action: 'create_proposal' },
          context,
        );
        assertMayCreateProposal(actor, decision);
        const process = { id: decision.processId };
        await rememberAuthor(trx, actor.personId, actor.displayName);
        const now = new Date();
        const id = uuidv7();
        const reference = await nextReference(trx, now.getUTCFullYear());
        await insert(trx, {
          id,
          process_id: process.id,
          reference,
          title: request.title,
          body: request.body,
          locale: request.locale ?? actor.locale,
          author_id: actor.personId,
          state: 'published',
          published_at: now,
        });
        await addToOutbox(
          trx,
          domainEvent(
            'proposals.proposal.created',
            { proposalId: id, processId: process.id, authorId: actor.personId, reference, title: request.title },
            actor,
          ),
        );
        return toProposal((await findById(trx, id))!);
      },
    ),
  );
}
