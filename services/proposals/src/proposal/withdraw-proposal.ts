import { DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { lockById, updateById } from './proposal-lifecycle.repository';
import { assertMayWithdraw } from './proposal.policy';
import { findById, toProposal } from './proposal.repository';

/** Its author withdraws a published proposal for good: it stays visible, takes no more supports, and keeps those it had. */
export async function withdrawProposal(
  db: Kysely<ProposalsDatabase>,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.withdraw'>,
): Promise<Proposal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to withdraw a proposal.');
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, request.id);
    if (!current) throw new DomainError('not_found', 'No such proposal.');
    assertMayWithdraw(actor, { authorId: current.author_id, state: current.state });
    await updateById(trx, current.id, { state: 'withdrawn', withdrawn_at: new Date() });
    const withdrawn = toProposal((await findById(trx, current.id))!);
    await addToOutbox(
      trx,
      domainEvent(
        'proposals.proposal.withdrawn',
        {
          proposalId: withdrawn.id,
          processId: withdrawn.processId,
          authorId: withdrawn.authorId,
          reference: withdrawn.reference!,
          title: withdrawn.title,
        },
        actor,
      ),
    );
    return withdrawn;
  });
}
