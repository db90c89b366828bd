import { DomainError, closedPhaseRules, type ParsedRequestOf, type Phase } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayAdministerProcess } from '../process/process.policy';
import { lockOpenProcess } from '../process/lock-open-process';
import { findPhase, insertPhase, phasesOf, toPhase } from './phase.repository';

/** The most phases a process may have. */
export const MAX_PHASES = 20;

/** Platform admins and the process's admins add a phase, at the end or at a given position. */
export async function createPhase(
  db: Kysely<ProcessesDatabase>,
  context: CallContext,
  request: ParsedRequestOf<'processes.phase.create'>,
): Promise<Phase> {
  const { actor } = context;
  assertMayAdministerProcess(actor, await standingIn(db, request.processId, actor?.personId), 'add a phase');
  return db.transaction().execute(async (trx) => {
    await lockOpenProcess(trx, request.processId);
    const existing = await phasesOf(trx, request.processId);
    if (existing.length >= MAX_PHASES) {
      throw new DomainError('conflict', `A process has at most ${MAX_PHASES} phases.`, { max: MAX_PHASES });
    }
    const last = existing.length + 1;
    if (request.position !== undefined && request.position > last) {
      throw new DomainError('validation_failed', 'The phase is invalid.', undefined, [
        { path: 'position', message: `must be between 1 and ${last}` },
      ]);
    }
    const id = uuidv7();
    await insertPhase(trx, {
      id,
      processId: request.processId,
      position: request.position ?? last,
      title: request.title,
      description: request.description ?? null,
      startsAt: request.startsAt ? new Date(request.startsAt) : null,
      endsAt: request.endsAt ? new Date(request.endsAt) : null,
      autoActivate: request.autoActivate ?? false,
      rules: request.rules ?? closedPhaseRules,
    });
    return toPhase((await findPhase(trx, request.processId, id))!);
  });
}
