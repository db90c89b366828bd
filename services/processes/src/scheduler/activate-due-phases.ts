import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { activateIn } from '../phase/activate-phase';
import { claimProcessesWithDuePhases, duePhasesOf, markAutoActivated } from '../phase/phase.repository';

/**
 * Activates the scheduled phases whose start has come, once each, however many replicas run
 * this at the same moment: their processes are claimed with `FOR UPDATE SKIP LOCKED`, and the
 * phases marked in the transaction that activates them. When several phases of a process are
 * due together (the service was down meanwhile), only the latest becomes active. Answers how
 * many phases it activated.
 */
export async function activateDuePhases(db: Kysely<ProcessesDatabase>, batchSize = 50): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let activated = 0;
    for (const processId of await claimProcessesWithDuePhases(trx, batchSize)) {
      const due = await duePhasesOf(trx, processId);
      if (due.length === 0) continue;
      if (await activateIn(trx, due[due.length - 1], null, true)) activated++;
      await markAutoActivated(
        trx,
        due.map((phase) => phase.id),
      );
    }
    return activated;
  });
}
