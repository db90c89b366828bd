import { assertAllowed, DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Actor } from '@convergences/contracts';
import type { Kysely, Transaction } from 'kysely';
import { participationInForce, participationOf } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { assertPlacement } from './proposal-placement';
import { lockById, lockPublicationsOf, publishedCountOf, updateById } from './proposal-lifecycle.repository';
import { assertMayPublish, assertWithinProposalLimit } from './proposal.policy';
import { findById, nextReference, toProposal } from './proposal.repository';

export interface PublishProposalDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * Holds the person's publications in the process until the transaction ends, then checks their
 * proposal limit (read from the rules in force, in the same transaction): concurrent publications
 * at the limit can never all pass. Answers the reference the new proposal gets.
 */
export async function claimPublication(
  trx: Transaction<ProposalsDatabase>,
  processId: string,
  authorId: string,
  now: Date,
): Promise<string> {
  await lockPublicationsOf(trx, processId, authorId);
  const participation = await participationOf(trx, processId);
  assertWithinProposalLimit(
    await publishedCountOf(trx, processId, authorId),
    participation?.settings.proposalLimit ?? 0,
  );
  return nextReference(trx, now.getUTCFullYear());
}

/** Announces a proposal that has just become public (processes counts it). */
export async function announcePublished(trx: Transaction<ProposalsDatabase>, actor: Actor, proposal: Proposal) {
  await addToOutbox(
    trx,
    domainEvent(
      'proposals.proposal.created',
      {
        proposalId: proposal.id,
        processId: proposal.processId,
        authorId: proposal.authorId,
        reference: proposal.reference!,
        title: proposal.title,
      },
      actor,
    ),
  );
}

/** Its author publishes their draft while the phase opens proposals: it gets its reference and becomes public. */
export async function publishProposal(
  deps: PublishProposalDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.publish'>,
): Promise<Proposal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to publish a proposal.');
  const draft = await findById(deps.db, request.id);
  if (!draft) throw new DomainError('not_found', 'No such proposal.');
  assertMayPublish(actor, { authorId: draft.author_id, state: draft.state });
  if (draft.state === 'published') return toProposal(draft);
  // The process is asked before the transaction opens: no locked row waits on another service.
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: draft.process_id, action: 'create_proposal' },
      context,
    ),
  );
  const participation = await participationInForce(deps.db, deps.services, draft.process_id, context);
  await assertPlacement(deps.services, context, participation, {
    themeId: draft.theme_id,
    territoryId: draft.territory_id,
    address: draft.address,
    latitude: draft.latitude,
    longitude: draft.longitude,
  });
  return deps.db.transaction().execute(async (trx) => {
    // Published or deleted by a concurrent request meanwhile: answer as that request left it.
    const current = await lockById(trx, draft.id);
    if (!current) throw new DomainError('not_found', 'No such proposal.');
    assertMayPublish(actor, { authorId: current.author_id, state: current.state });
    if (current.state === 'published') return toProposal((await findById(trx, current.id))!);
    const now = new Date();
    const reference = await claimPublication(trx, current.process_id, actor.personId, now);
    await updateById(trx, current.id, { state: 'published', reference, published_at: now });
    const published = toProposal((await findById(trx, current.id))!);
    await announcePublished(trx, actor, published);
    return published;
  });
}
