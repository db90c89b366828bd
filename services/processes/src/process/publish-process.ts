import type { Process } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { activityRecorded } from '../activity/activity-recorded';
import { standingIn } from '../access/process-access.repository';
import { announceParticipation } from '../participation/announce-participation';
import type { ProcessDeps } from './create-process';
import { lockOpenProcess } from './lock-open-process';
import { assertMayAdministerProcess } from './process.policy';
import { findById, markPublished, toProcess } from './process.repository';

/** Platform admins and the process's admins publish a draft; publishing a published one changes nothing. */
export async function publishProcess(deps: ProcessDeps, context: CallContext, id: string): Promise<Process> {
  const { actor } = context;
  assertMayAdministerProcess(actor, await standingIn(deps.db, id, actor?.personId), 'publish this process');
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockOpenProcess(trx, id);
    if (current.status === 'published') return toProcess(current);
    await markPublished(trx, id);
    await addToOutbox(
      trx,
      domainEvent('processes.process.published', { processId: id, slug: current.slug, status: 'published' }, actor),
      activityRecorded(actor, { action: 'process.published', resourceType: 'process', resourceId: id, processId: id }),
    );
    await announceParticipation(trx, id, actor);
    return toProcess((await findById(trx, id))!);
  });
}
