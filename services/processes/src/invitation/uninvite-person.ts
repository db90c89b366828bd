import type { Actor, ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { lockAccessChange } from '../role/role-access';
import { assertSignedIn } from '../role/role.policy';
import { deleteInvitation } from './invitation.repository';

/**
 * A platform admin or a process admin withdraws a person's invitation; withdrawing one that does
 * not exist answers `removed: false` and announces nothing.
 */
export async function uninvitePerson(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.invitation.remove'>,
): Promise<{ removed: boolean }> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    await lockAccessChange(trx, actor, request.processId);
    if (!(await deleteInvitation(trx, request.processId, request.personId))) return { removed: false };
    await addToOutbox(trx, domainEvent('processes.invitation.removed', request, actor));
    return { removed: true };
  });
}
