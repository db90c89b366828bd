import { DomainError, type AnswerState, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertMayAnswerIn, type StandingDeps } from '../valuation/proposal-standing';
import {
  answersInState,
  deleteAnswerState,
  lockAnswerState,
  lockAnswerStatesOf,
  toAnswerState,
} from './answer.repository';

/**
 * A process admin removes a state no answer uses (held or published); one in use is a conflict.
 * The state's row lock waits for answers being given in it, so none slips in meanwhile.
 */
export async function removeAnswerState(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answerState.delete'>,
): Promise<AnswerState> {
  await assertMayAnswerIn(deps, context, request.processId, 'remove answer states');
  return deps.db.transaction().execute(async (trx) => {
    await lockAnswerStatesOf(trx, request.processId);
    const state = await lockAnswerState(trx, request.processId, request.key);
    if (!state) throw new DomainError('not_found', 'No such answer state in this process.');
    const inUse = await answersInState(trx, request.processId, request.key);
    if (inUse > 0) {
      throw new DomainError('conflict', `${inUse} answer(s) are in the state "${request.key}": it cannot be removed.`, {
        key: request.key,
        answers: inUse,
      });
    }
    await deleteAnswerState(trx, state);
    return toAnswerState(state);
  });
}
