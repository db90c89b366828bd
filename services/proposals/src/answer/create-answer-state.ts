import { DomainError, type AnswerState, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertMayAnswerIn, type StandingDeps } from '../valuation/proposal-standing';
import { insertAnswerState, lockAnswerState, lockAnswerStatesOf, toAnswerState } from './answer.repository';

/** A process admin defines an answer state of the process (key, label, colour), at a position or at the end. */
export async function createAnswerState(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answerState.create'>,
): Promise<AnswerState> {
  await assertMayAnswerIn(deps, context, request.processId, 'define answer states');
  return deps.db.transaction().execute(async (trx) => {
    await lockAnswerStatesOf(trx, request.processId);
    if (!(await insertAnswerState(trx, request))) {
      throw new DomainError('conflict', `This process has a state "${request.key}" already.`, { key: request.key });
    }
    return toAnswerState((await lockAnswerState(trx, request.processId, request.key))!);
  });
}
