import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { applyBlockChange } from './blocked-people.repository';

/*
 * Keep `blocked_people` (read by permission checks, so that they need no round trip to members)
 * from members' events. Blocks and unblocks arrive through two consumers, so in any order: the
 * later event by its time wins, and an older one arriving late changes nothing.
 */

@Injectable()
export class PersonBlockedHandler implements EventHandler<ProcessesDatabase, 'members.person.blocked'> {
  readonly name = 'processes-blocked-people';
  readonly type = 'members.person.blocked' as const;

  async handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'members.person.blocked'>): Promise<void> {
    await applyBlockChange(trx, {
      personId: event.data.personId,
      blocked: true,
      changedAt: new Date(event.occurredAt),
      eventId: event.id,
    });
  }
}

@Injectable()
export class PersonUnblockedHandler implements EventHandler<ProcessesDatabase, 'members.person.unblocked'> {
  readonly name = 'processes-unblocked-people';
  readonly type = 'members.person.unblocked' as const;

  async handle(trx: Transaction<ProcessesDatabase>, event: DomainEvent<'members.person.unblocked'>): Promise<void> {
    await applyBlockChange(trx, {
      personId: event.data.personId,
      blocked: false,
      changedAt: new Date(event.occurredAt),
      eventId: event.id,
    });
  }
}
