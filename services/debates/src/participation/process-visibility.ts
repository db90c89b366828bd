import { DomainError, type ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { participationInForce } from '@convergences/read-models';
import type { DebatesDatabase } from '../db/schema';

export interface VisibilityDeps {
  db: Kysely<DebatesDatabase>;
  services: ServiceClient;
}

/**
 * What belongs to a private process exists only for those who may see the process: anybody else
 * is answered `not_found` about `what`, as the process itself answers them. Public processes need
 * no question to `processes`. Answers the rules in force.
 */
export async function assertMaySeeProcessOf(
  deps: VisibilityDeps,
  context: CallContext,
  processId: string,
  what: string,
  known?: ParticipationSnapshot,
): Promise<ParticipationSnapshot> {
  const snapshot = known ?? (await participationInForce(deps.db, deps.services, processId, context));
  if (snapshot.visibility !== 'private' && snapshot.status !== 'draft') return snapshot;
  const allowed = await deps.services
    .request('processes.permission.check', { processId, action: 'view' }, context)
    .then(
      (decision) => decision.allowed,
      (error: unknown) => {
        if (error instanceof DomainError && error.code === 'not_found') return false;
        throw error;
      },
    );
  if (!allowed) throw new DomainError('not_found', `No such ${what}.`);
  return snapshot;
}
