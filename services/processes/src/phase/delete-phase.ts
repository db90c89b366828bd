import { DomainError } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayAdministerProcess } from '../process/process.policy';
import { lockOpenProcess } from '../process/lock-open-process';
import { deletePhaseRow, findPhase } from './phase.repository';

/** Platform admins and the process's admins remove an inactive phase; the active one must hand over first. */
export async function deletePhase(
  db: Kysely<ProcessesDatabase>,
  context: CallContext,
  processId: string,
  phaseId: string,
): Promise<{ deleted: true }> {
  const { actor } = context;
  assertMayAdministerProcess(actor, await standingIn(db, processId, actor?.personId), 'remove a phase');
  return db.transaction().execute(async (trx) => {
    await lockOpenProcess(trx, processId);
    const phase = await findPhase(trx, processId, phaseId);
    if (!phase) throw new DomainError('not_found', 'No such phase in this process.');
    if (phase.active) {
      throw new DomainError('conflict', 'The active phase cannot be removed: activate another phase first.', {
        phaseId,
      });
    }
    await deletePhaseRow(trx, processId, phaseId, phase.position);
    return { deleted: true as const };
  });
}
