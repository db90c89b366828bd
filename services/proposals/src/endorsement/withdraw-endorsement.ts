import { assertAllowed, DomainError, type Endorsement, type ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { findById } from '../proposal/proposal.repository';
import { addToEndorsementsCount, deleteOne, findOne, toEndorsement } from './endorsement.repository';

export interface WithdrawEndorsementDeps {
  db: Kysely<ProposalsDatabase>;
  services: ServiceClient;
}

/** A person takes back their endorsement (or their organisation's) while the active phase opens endorsements. */
export async function withdrawEndorsement(
  deps: WithdrawEndorsementDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.endorsement.delete'>,
): Promise<Endorsement> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to take back an endorsement.');
  const organizationId = request.organizationId ?? null;
  const proposal = await findById(deps.db, request.proposalId);
  const given = proposal && (await findOne(deps.db, proposal.id, actor.personId, organizationId));
  if (!proposal || !given) throw new DomainError('not_found', 'You do not endorse this proposal.');
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: proposal.process_id, action: 'endorse_proposal' },
      context,
    ),
  );
  return deps.db.transaction().execute(async (trx) => {
    const deleted = await deleteOne(trx, proposal.id, actor.personId, organizationId);
    if (!deleted) throw new DomainError('not_found', 'You do not endorse this proposal.');
    await addToEndorsementsCount(trx, proposal.id, -1);
    await addToOutbox(
      trx,
      domainEvent(
        'proposals.endorsement.deleted',
        {
          endorsementId: deleted.id,
          proposalId: proposal.id,
          processId: proposal.process_id,
          personId: actor.personId,
          organizationId,
        },
        actor,
      ),
    );
    return toEndorsement(given);
  });
}
