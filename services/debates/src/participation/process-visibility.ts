import { DomainError, type ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { DebatesDatabase } from '../db/schema';
import { keepParticipation, participationOf } from './participation.repository';

export interface VisibilityDeps {
  db: Kysely<DebatesDatabase>;
  services: ServiceClient;
}

/**
 * The rules in force in a process: the local copy, or, before its first event has arrived, the
 * current snapshot asked of `processes` (and kept, so the next call reads it here).
 */
export async function participationInForce(
  deps: VisibilityDeps,
  processId: string,
  context: CallContext,
): Promise<ParticipationSnapshot> {
  const known = await participationOf(deps.db, processId);
  if (known) return known;
  const current = await deps.services.request('processes.process.participation', { processId }, context);
  await keepParticipation(deps.db, current);
  return current;
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
  const snapshot = known ?? (await participationInForce(deps, processId, context));
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
