import { assertAllowed, DomainError, type Endorsement, type ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { rememberAuthor } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';
import { lockById } from '../proposal/proposal-lifecycle.repository';
import { findById } from '../proposal/proposal.repository';
import { assertEndorsable, assertMayEndorseFor } from './endorsement.policy';
import { addToEndorsementsCount, findOne, insertOnce, toEndorsement } from './endorsement.repository';

export interface EndorseProposalDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/**
 * A person endorses a published proposal, as themself or on behalf of a verified organisation
 * they are a member of, when the active phase opens endorsements; once each. The counter moves in
 * the same transaction as the row, so it always equals the rows.
 */
export async function endorseProposal(
  deps: EndorseProposalDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.endorsement.create'>,
): Promise<Endorsement> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to endorse a proposal.');
  const proposal = await findById(deps.db, request.proposalId);
  if (!proposal) throw new DomainError('not_found', 'No such proposal.');
  assertEndorsable(proposal);
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: proposal.process_id, action: 'endorse_proposal' },
      context,
    ),
  );
  const organizationId = request.organizationId ?? null;
  let organizationName: string | null = null;
  if (organizationId) {
    const membership = await deps.services.request(
      'members.membership.check',
      { personId: actor.personId, organizationId },
      context,
    );
    assertMayEndorseFor(organizationId, membership);
    organizationName = (await deps.services.request('members.organization.get', { idOrSlug: organizationId }, context))
      .name;
  }
  return deps.db.transaction().execute(async (trx) => {
    // Locked so that no endorsement lands on a proposal being withdrawn.
    const current = await lockById(trx, proposal.id);
    assertEndorsable(current!);
    await rememberAuthor(trx, actor.personId, actor.displayName);
    const id = uuidv7();
    const inserted = await insertOnce(trx, {
      id,
      proposal_id: proposal.id,
      process_id: proposal.process_id,
      person_id: actor.personId,
      organization_id: organizationId,
      organization_name: organizationName,
    });
    if (!inserted) {
      const existing = await findOne(trx, proposal.id, actor.personId, organizationId);
      throw new DomainError(
        'conflict',
        organizationId
          ? 'You already endorse this proposal on behalf of this organisation.'
          : 'You already endorse this proposal.',
        { endorsementId: existing?.id },
      );
    }
    await addToEndorsementsCount(trx, proposal.id, 1);
    await addToOutbox(
      trx,
      domainEvent(
        'proposals.endorsement.created',
        {
          endorsementId: id,
          proposalId: proposal.id,
          processId: proposal.process_id,
          personId: actor.personId,
          organizationId,
        },
        actor,
      ),
    );
    return toEndorsement((await findOne(trx, proposal.id, actor.personId, organizationId))!);
  });
}
