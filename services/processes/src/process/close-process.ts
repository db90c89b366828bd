import { DomainError, type Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { activityRecorded } from '../activity/activity-recorded';
import { standingIn } from '../access/process-access.repository';
import { announceParticipation } from '../participation/announce-participation';
import type { ProcessDeps } from './create-process';
import { assertMayAdministerProcess } from './process.policy';
import { findById, lockById, markClosed, toProcess } from './process.repository';

/**
 * Platform admins and the process's admins close a published process: it stays readable and
 * takes no more participation. Closing a closed one changes nothing; a draft cannot be closed.
 */
export async function closeProcess(deps: ProcessDeps, context: CallContext, id: string): Promise<Process> {
  const { actor } = context;
  assertMayAdministerProcess(actor, await standingIn(deps.db, id, actor?.personId), 'close this process');
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockById(trx, id);
    if (!current) throw new DomainError('not_found', 'No such process.');
    if (current.status === 'closed') return toProcess(current);
    if (current.status === 'draft') {
      throw new DomainError('process_not_published', 'A draft cannot be closed: publish it first.', {
        processId: id,
      });
    }
    await markClosed(trx, id);
    await addToOutbox(
      trx,
      domainEvent('processes.process.closed', { processId: id, slug: current.slug, status: 'closed' }, actor),
      activityRecorded(actor, { action: 'process.closed', resourceType: 'process', resourceId: id, processId: id }),
    );
    await announceParticipation(trx, id, actor);
    return toProcess((await findById(trx, id))!);
  });
}
