import { DomainError, type FieldError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';

/** A framework is co-built in a process that exists (`processes.process.get`, as the caller); none named, nothing asked. */
export async function processErrors(
  services: ServiceClient,
  context: CallContext,
  processId: string | null | undefined,
): Promise<FieldError[]> {
  if (!processId) return [];
  try {
    await services.request('processes.process.get', { idOrSlug: processId }, context);
    return [];
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      return [{ path: 'processId', message: 'No such process.' }];
    }
    throw error;
  }
}
