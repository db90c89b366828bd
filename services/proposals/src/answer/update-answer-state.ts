import { DomainError, type AnswerState, type ParsedRequestOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { assertMayAnswerIn, type StandingDeps } from '../valuation/proposal-standing';
import { lockAnswerState, lockAnswerStatesOf, toAnswerState, updateAnswerState } from './answer.repository';

/** A process admin changes a state's label, colour or position; its key stays (answers refer to it). */
export async function changeAnswerState(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answerState.update'>,
): Promise<AnswerState> {
  await assertMayAnswerIn(deps, context, request.processId, 'change answer states');
  return deps.db.transaction().execute(async (trx) => {
    await lockAnswerStatesOf(trx, request.processId);
    const current = await lockAnswerState(trx, request.processId, request.key);
    if (!current) throw new DomainError('not_found', 'No such answer state in this process.');
    await updateAnswerState(trx, current, request);
    return toAnswerState((await lockAnswerState(trx, request.processId, request.key))!);
  });
}
