import { assertAllowed, type ParsedRequestOf, type ResponseOf } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { StandingDeps } from '../valuation/proposal-standing';
import { answerStatesOf, toAnswerState } from './answer.repository';

/** A process's own answer states, in order, for whoever may see the process (answers show them). */
export async function listAnswerStates(
  deps: StandingDeps,
  context: CallContext,
  request: ParsedRequestOf<'proposals.answerState.list'>,
): Promise<ResponseOf<'proposals.answerState.list'>> {
  assertAllowed(
    await deps.services.request(
      'processes.permission.check',
      { processId: request.processId, action: 'view' },
      context,
    ),
  );
  return { data: (await answerStatesOf(deps.db, request.processId)).map(toAnswerState) };
}
