import { useNotifyingMutation } from '../common';
import type { AppDataProvider } from '../dataProvider';

/**
 * A change to a process or to its phases, roles or invitations: on success it notifies and
 * refetches everything about processes (the process's page shows its active phase, its status…);
 * on failure it notifies the problem. `mutateAsync` still rejects, for forms to show field errors.
 */
export const useProcessMutation = <Variables, Result = unknown>(
  call: (dataProvider: AppDataProvider, variables: Variables) => Promise<Result>,
  successMessage: string,
) => useNotifyingMutation(call, successMessage, ['processes']);
