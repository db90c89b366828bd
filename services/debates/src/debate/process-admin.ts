import type { CallContext, ServiceClient } from '@convergences/messaging';
import { isAdminBy } from './debate.policy';

/** Whether the caller runs the process (platform admin or the process's admin), asked of `processes`. */
export async function runsProcess(services: ServiceClient, context: CallContext, processId: string): Promise<boolean> {
  return isAdminBy(await services.request('processes.permission.check', { processId, action: 'administer' }, context));
}
