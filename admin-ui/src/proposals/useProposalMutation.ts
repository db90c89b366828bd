import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import { problemMessage } from '../common';
import type { AppDataProvider } from '../dataProvider';

/**
 * A change to a proposal or to the answers of a process: on success it notifies and refetches
 * what shows proposals, answers and valuations; on failure it notifies the problem.
 * `mutateAsync` still rejects, for forms to show field errors.
 */
export function useProposalMutation<Variables, Result = unknown>(
  call: (dataProvider: AppDataProvider, variables: Variables) => Promise<Result>,
  successMessage: string | ((result: Result) => { message: string; args?: Record<string, unknown> }),
) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation<Result, unknown, Variables>({
    mutationFn: (variables) => call(dataProvider, variables),
    onSuccess: async (result) => {
      const { message, args } =
        typeof successMessage === 'string' ? { message: successMessage, args: undefined } : successMessage(result);
      notify(message, { type: 'success', messageArgs: args });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['proposals'] }),
        queryClient.invalidateQueries({ queryKey: ['answers'] }),
      ]);
    },
    onError: (error) => notify(problemMessage(error), { type: 'error' }),
  });
}
