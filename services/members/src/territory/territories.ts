import { DomainError } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';

// Territories belong to `processes`: members keeps only their ids and asks processes over NATS
// whether one exists, what contains it and what it contains. A territory processes does not
// know is bad input from the caller (a 400 on `territoryId`); processes not answering is a 503.

/** Refuses a territory that `processes` does not know. */
export async function assertTerritoryExists(
  services: ServiceClient,
  context: CallContext,
  territoryId: string,
): Promise<void> {
  await known(services.request('processes.territory.get', { id: territoryId }, context));
}

/** The territories containing this one, root first. */
export async function ancestorsOf(
  services: ServiceClient,
  context: CallContext,
  territoryId: string,
): Promise<string[]> {
  return (await known(services.request('processes.territory.lineage', { id: territoryId }, context))).ancestorIds;
}

/** The territory and every territory under it, at any depth. */
export async function subtreeOf(services: ServiceClient, context: CallContext, territoryId: string): Promise<string[]> {
  return (await known(services.request('processes.territory.subtree', { id: territoryId }, context))).ids;
}

async function known<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new DomainError('validation_failed', 'No such territory.', undefined, [
        { path: 'territoryId', message: 'no such territory' },
      ]);
    }
    throw error;
  }
}
