import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { problemMessage } from './problemMessage';

/** What a mutation says once done: a message key, or one with arguments read from the result. */
export type SuccessMessage<Result> = string | ((result: Result) => { message: string; args?: Record<string, unknown> });

/**
 * A change through the data provider: on success it notifies and refetches the queries under
 * `queryKeys`; on failure it notifies the problem. `mutateAsync` still rejects, for forms to show
 * field errors.
 */
export function useNotifyingMutation<Variables, Result = unknown>(
  call: (dataProvider: AppDataProvider, variables: Variables) => Promise<Result>,
  successMessage: SuccessMessage<Result>,
  queryKeys: readonly string[],
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
      await Promise.all(queryKeys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
    onError: (error) => notify(problemMessage(error), { type: 'error' }),
  });
}
