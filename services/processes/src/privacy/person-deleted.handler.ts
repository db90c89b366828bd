import type { DomainEvent } from '@convergences/contracts';
import { addToOutbox, domainEvent, type EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { deleteAllInvitationsOf } from '../invitation/invitation.repository';
import { deleteAllRolesOf } from '../role/role.repository';

/**
 * A deleted account holds no process role and no invitation any more: they are removed, and each
 * removal announced as if an admin had made it, so that services mirroring roles follow.
 */
@Injectable()
export class PersonDeletedHandler implements EventHandler<ProcessesDatabase, 'members.person.deleted'> {
  readonly name = 'processes-person-deleted';
  readonly type = 'members.person.deleted' as const;

  async handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'members.person.deleted'>): Promise<void> {
    const roles = await deleteAllRolesOf(trx, event.data.personId);
    const invitations = await deleteAllInvitationsOf(trx, event.data.personId);
    await addToOutbox(
      trx,
      ...roles.map((row) =>
        domainEvent(
          'processes.role.removed',
          { processId: row.process_id, personId: row.person_id, role: row.role },
          event.actor,
        ),
      ),
      ...invitations.map((row) =>
        domainEvent(
          'processes.invitation.removed',
          { processId: row.process_id, personId: row.person_id },
          event.actor,
        ),
      ),
    );
  }
}
