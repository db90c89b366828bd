import type { Actor, ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { activityRecorded } from '../activity/activity-recorded';
import type { ProcessesDatabase } from '../db/schema';
import { lockAccessChange } from './role-access';
import { assertKeepsAProcessAdmin, assertSignedIn } from './role.policy';
import { deleteRole, findRole, processAdminCount } from './role.repository';

/**
 * A platform admin or a process admin takes a role away; taking away a role the person does not
 * hold answers `removed: false` and announces nothing.
 */
export async function removeRole(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.role.remove'>,
): Promise<{ removed: boolean }> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    await lockAccessChange(trx, actor, request.processId);
    if (!(await findRole(trx, request.processId, request.personId, request.role))) return { removed: false };
    assertKeepsAProcessAdmin(actor, request, await processAdminCount(trx, request.processId));
    await deleteRole(trx, request.processId, request.personId, request.role);
    await addToOutbox(
      trx,
      domainEvent('processes.role.removed', request, actor),
      activityRecorded(actor, {
        action: 'role.revoked',
        resourceType: 'person',
        resourceId: request.personId,
        processId: request.processId,
        details: { role: request.role },
      }),
    );
    return { removed: true };
  });
}
