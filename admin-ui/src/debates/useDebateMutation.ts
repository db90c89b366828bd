import { useNotifyingMutation } from '../common';
import type { AppDataProvider } from '../dataProvider';

/**
 * A change to a debate: on success it notifies and refetches what shows debates; on failure it
 * notifies the problem. `mutateAsync` still rejects, for forms to show field errors.
 */
export const useDebateMutation = <Variables, Result = unknown>(
  call: (dataProvider: AppDataProvider, variables: Variables) => Promise<Result>,
  successMessage: string,
) => useNotifyingMutation(call, successMessage, ['debates']);
