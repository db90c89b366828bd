import { DomainError, type ParsedRequestOf, type Proposal } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { deleteById, lockById } from './proposal-lifecycle.repository';
import { assertMayDeleteDraft } from './proposal.policy';
import { findById, toProposal } from './proposal.repository';

/** Its author deletes their draft (nobody else ever saw it, so nothing is announced); answers it as it was. */
export async function deleteDraft(
  db: Kysely<ProposalsDatabase>,
  context: CallContext,
  request: ParsedRequestOf<'proposals.proposal.deleteDraft'>,
): Promise<Proposal> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to delete a draft.');
  return db.transaction().execute(async (trx) => {
    const current = await lockById(trx, request.id);
    if (!current) throw new DomainError('not_found', 'No such proposal.');
    assertMayDeleteDraft(actor, { authorId: current.author_id, state: current.state });
    const draft = toProposal((await findById(trx, current.id))!);
    await deleteById(trx, current.id);
    return draft;
  });
}
