import type { ParsedRequestOf, ProcessInvitation } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { assertPeopleExist } from '../role/assert-people-exist';
import { checkAccessChange, lockAccessChange, type AccessChangeDeps } from '../role/role-access';
import { assertSignedIn } from '../role/role.policy';
import { findInvitations, insertUnlessInvited, toInvitation } from './invitation.repository';

/**
 * A platform admin or a process admin invites people to the process (what makes a private process
 * visible to them). People invited already keep their invitation and nothing is announced for
 * them; if any id is no person, nobody is invited. Answers the invitations of all the people named.
 */
export async function invitePeople(
  deps: AccessChangeDeps,
  context: CallContext,
  request: ParsedRequestOf<'processes.invitation.create'>,
): Promise<{ data: ProcessInvitation[] }> {
  const { actor } = context;
  assertSignedIn(actor);
  await checkAccessChange(deps.db, actor, request.processId);
  await assertPeopleExist(deps.services, context, 'personIds', request.personIds);
  const personIds = [...new Set(request.personIds)];
  return deps.db.transaction().execute(async (trx) => {
    await lockAccessChange(trx, actor, request.processId);
    const created = await insertUnlessInvited(trx, request.processId, personIds, actor.personId);
    await addToOutbox(
      trx,
      ...created.map((row) =>
        domainEvent('processes.invitation.created', { processId: row.process_id, personId: row.person_id }, actor),
      ),
    );
    return { data: (await findInvitations(trx, request.processId, personIds)).map(toInvitation) };
  });
}
