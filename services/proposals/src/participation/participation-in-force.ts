import type { ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import type { ProposalsDatabase } from '../db/schema';
import { keepParticipation, participationOf } from './participation.repository';

/**
 * The rules in force in a process: the local copy, or, before its first event has arrived, the
 * current snapshot asked of `processes` (and kept, so the next call reads it here).
 */
export async function participationInForce(
  db: Kysely<ProposalsDatabase>,
  services: ServiceClient,
  processId: string,
  context: CallContext,
): Promise<ParticipationSnapshot> {
  const known = await participationOf(db, processId);
  if (known) return known;
  const current = await services.request('processes.process.participation', { processId }, context);
  await keepParticipation(db, current);
  return current;
}
