import { type SuccessMessage, useNotifyingMutation } from '../common';

/** The queries that show frameworks: react-admin's, the lineage's versions, its editors. */
export const FRAMEWORK_QUERY_KEYS = ['frameworks', 'framework-versions', 'framework-editors'] as const;

/**
 * A change to a framework: on success it notifies and refetches what shows frameworks; on failure
 * it notifies the problem. `mutateAsync` still rejects, for forms to show field errors.
 */
export const useFrameworkMutation = <Variables, Result = unknown>(
  call: (variables: Variables) => Promise<Result>,
  successMessage: SuccessMessage<Result>,
) =>
  useNotifyingMutation((_dataProvider, variables: Variables) => call(variables), successMessage, FRAMEWORK_QUERY_KEYS);
