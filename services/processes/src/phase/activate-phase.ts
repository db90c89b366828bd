import { DomainError, type Actor, type Phase } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import type { Kysely, Transaction } from 'kysely';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { announceParticipation } from '../participation/announce-participation';
import { assertMayAdministerProcess } from '../process/process.policy';
import { lockOpenProcess } from '../process/lock-open-process';
import { activePhaseOf, findPhase, makeActive, toPhase, type PhaseRow } from './phase.repository';

/**
 * Makes `phase` the active phase of its process and tells everyone, in the caller's transaction
 * (which holds the process row lock). Activating the active phase changes nothing.
 */
export async function activateIn(
  trx: Transaction<ProcessesDatabase>,
  phase: PhaseRow,
  actor: Pick<Actor, 'personId'> | null,
  scheduled: boolean,
): Promise<boolean> {
  const previous = await activePhaseOf(trx, phase.process_id);
  if (previous?.id === phase.id) return false;
  await makeActive(trx, phase.process_id, phase.id);
  await addToOutbox(
    trx,
    domainEvent(
      'processes.phase.activated',
      { processId: phase.process_id, phaseId: phase.id, previousPhaseId: previous?.id ?? null, scheduled },
      actor,
    ),
  );
  await announceParticipation(trx, phase.process_id, actor);
  return true;
}

/** Platform admins and the process's admins activate a phase by hand, whatever its dates. */
export async function activatePhase(
  db: Kysely<ProcessesDatabase>,
  context: CallContext,
  processId: string,
  phaseId: string,
): Promise<Phase> {
  const { actor } = context;
  assertMayAdministerProcess(actor, await standingIn(db, processId, actor?.personId), 'activate a phase');
  return db.transaction().execute(async (trx) => {
    await lockOpenProcess(trx, processId);
    const phase = await findPhase(trx, processId, phaseId);
    if (!phase) throw new DomainError('not_found', 'No such phase in this process.');
    await activateIn(trx, phase, actor, false);
    return toPhase((await findPhase(trx, processId, phaseId))!);
  });
}
