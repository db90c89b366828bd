import { DomainError, type ParsedRequestOf, type Phase } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { announceParticipation } from '../participation/announce-participation';
import { assertMayAdministerProcess } from '../process/process.policy';
import { lockOpenProcess } from '../process/lock-open-process';
import { findPhase, movePhase, phasesOf, toPhase, updatePhaseFields } from './phase.repository';

/**
 * Platform admins and the process's admins change a phase: texts, dates, schedule, rules,
 * position. New rules of the active phase are in force at once and announced.
 */
export async function updatePhase(
  db: Kysely<ProcessesDatabase>,
  context: CallContext,
  request: ParsedRequestOf<'processes.phase.update'>,
): Promise<Phase> {
  const { actor } = context;
  const { processId, phaseId, position, ...changes } = request;
  assertMayAdministerProcess(actor, await standingIn(db, processId, actor?.personId), 'change a phase');
  return db.transaction().execute(async (trx) => {
    const process = await lockOpenProcess(trx, processId);
    const current = await findPhase(trx, processId, phaseId);
    if (!current) throw new DomainError('not_found', 'No such phase in this process.');

    const startsAt =
      changes.startsAt === undefined ? current.starts_at : changes.startsAt ? new Date(changes.startsAt) : null;
    const endsAt = changes.endsAt === undefined ? current.ends_at : changes.endsAt ? new Date(changes.endsAt) : null;
    const autoActivate = changes.autoActivate ?? current.auto_activate;
    const invalid = [];
    if (startsAt && endsAt && startsAt >= endsAt) invalid.push({ path: 'endsAt', message: 'must be after the start' });
    if (autoActivate && !startsAt) invalid.push({ path: 'startsAt', message: 'a scheduled phase needs a start' });
    const count = (await phasesOf(trx, processId)).length;
    if (position !== undefined && position > count)
      invalid.push({ path: 'position', message: `must be between 1 and ${count}` });
    if (invalid.length > 0) throw new DomainError('validation_failed', 'The phase is invalid.', undefined, invalid);

    const rescheduled =
      !current.active &&
      (autoActivate !== current.auto_activate ||
        (startsAt?.getTime() ?? null) !== (current.starts_at?.getTime() ?? null));
    await updatePhaseFields(
      trx,
      phaseId,
      {
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.startsAt !== undefined && { startsAt }),
        ...(changes.endsAt !== undefined && { endsAt }),
        ...(changes.autoActivate !== undefined && { autoActivate }),
        ...(changes.rules !== undefined && { rules: changes.rules }),
      },
      { rescheduled },
    );
    if (position !== undefined) await movePhase(trx, processId, current.position, position);
    const rulesChanged =
      changes.rules !== undefined && JSON.stringify(changes.rules) !== JSON.stringify(toPhase(current).rules);
    if (current.active && rulesChanged && process.status !== 'draft')
      await announceParticipation(trx, processId, actor);
    return toPhase((await findPhase(trx, processId, phaseId))!);
  });
}
