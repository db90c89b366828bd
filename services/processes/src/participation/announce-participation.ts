import type { Actor } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { bumpParticipationVersion } from '../process/process.repository';
import { currentParticipation } from './participation.repository';

/**
 * Tells every service the rules now in force in a process, whole and with a new version, in the
 * transaction that changed them. Call it after any change of status, visibility, settings,
 * active phase or the active phase's rules.
 */
export async function announceParticipation(
  trx: Transaction<ProcessesDatabase>,
  processId: string,
  actor: Pick<Actor, 'personId'> | null,
): Promise<void> {
  await bumpParticipationVersion(trx, processId);
  const snapshot = await currentParticipation(trx, processId);
  if (!snapshot) throw new Error(`No process ${processId} to announce`);
  await addToOutbox(trx, domainEvent('processes.participation.changed', snapshot, actor));
}
