import { type SuccessMessage, useNotifyingMutation } from '../common';
import type { AppDataProvider } from '../dataProvider';

/**
 * A change to a proposal or to the answers of a process: on success it notifies and refetches
 * what shows proposals, answers and valuations; on failure it notifies the problem.
 * `mutateAsync` still rejects, for forms to show field errors.
 */
export const useProposalMutation = <Variables, Result = unknown>(
  call: (dataProvider: AppDataProvider, variables: Variables) => Promise<Result>,
  successMessage: SuccessMessage<Result>,
) => useNotifyingMutation(call, successMessage, ['proposals', 'answers']);
