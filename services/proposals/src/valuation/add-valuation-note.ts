import type { ParsedRequestOf, ValuationNote } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { v7 as uuidv7 } from 'uuid';
import { rememberAuthor } from '@convergences/read-models';
import { proposalStanding, type StandingDeps } from './proposal-standing';
import { addNote, notesOf } from './valuation.repository';

/** A valuator in charge of a proposal, or a process admin, writes a private note on it. */
export async function addValuationNote(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.valuation.addNote'>,
): Promise<ValuationNote> {
  const { proposal } = await proposalStanding(deps, context, request.proposalId, 'write valuation notes');
  const actor = context.actor!;
  return deps.db.transaction().execute(async (trx) => {
    await rememberAuthor(trx, actor.personId, actor.displayName);
    const id = uuidv7();
    await addNote(trx, { id, proposalId: proposal.id, authorId: actor.personId, body: request.body });
    return (await notesOf(trx, proposal.id, id))[0];
  });
}
