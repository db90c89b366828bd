import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import { problemMessage } from '../common';
import type { AppDataProvider } from '../dataProvider';

/**
 * A change to a debate: on success it notifies and refetches what shows debates; on failure it
 * notifies the problem. `mutateAsync` still rejects, for forms to show field errors.
 */
export function useDebateMutation<Variables, Result = unknown>(
  call: (dataProvider: AppDataProvider, variables: Variables) => Promise<Result>,
  successMessage: string,
) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return useMutation<Result, unknown, Variables>({
    mutationFn: (variables) => call(dataProvider, variables),
    onSuccess: async () => {
      notify(successMessage, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['debates'] });
    },
    onError: (error) => notify(problemMessage(error), { type: 'error' }),
  });
}
