import type { ParsedRequestOf, ProcessRoleAssignment } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { activityRecorded } from '../activity/activity-recorded';
import { assertPeopleExist } from './assert-people-exist';
import { checkAccessChange, lockAccessChange, type AccessChangeDeps } from './role-access';
import { assertSignedIn } from './role.policy';
import { findRole, insertUnlessHeld, toAssignment } from './role.repository';

/**
 * A platform admin or a process admin gives a person a role in the process. Giving a role the
 * person holds already answers that assignment, unchanged, and announces nothing.
 */
export async function assignRole(
  deps: AccessChangeDeps,
  context: CallContext,
  request: ParsedRequestOf<'processes.role.assign'>,
): Promise<ProcessRoleAssignment> {
  const { actor } = context;
  assertSignedIn(actor);
  await checkAccessChange(deps.db, actor, request.processId);
  await assertPeopleExist(deps.services, context, 'personId', [request.personId]);
  return deps.db.transaction().execute(async (trx) => {
    await lockAccessChange(trx, actor, request.processId);
    const assignment = { processId: request.processId, personId: request.personId, role: request.role };
    const inserted = await insertUnlessHeld(trx, { ...assignment, assignedBy: actor.personId });
    if (!inserted) return toAssignment((await findRole(trx, request.processId, request.personId, request.role))!);
    await addToOutbox(
      trx,
      domainEvent('processes.role.assigned', assignment, actor),
      activityRecorded(actor, {
        action: 'role.granted',
        resourceType: 'person',
        resourceId: assignment.personId,
        processId: assignment.processId,
        details: { role: assignment.role },
      }),
    );
    return toAssignment(inserted);
  });
}
