import { DELETED_ACCOUNT_NAME, type DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { nameAuthor } from '@convergences/read-models';
import type { DebatesDatabase } from '../db/schema';

/**
 * A deleted account's debates and comments stay, signed "Compte supprimé": the name is replaced
 * as of the deletion (recorded even if they had not written yet, so that a write in flight at
 * that moment, or an earlier name event delivered late, cannot bring their name back).
 */
@Injectable()
export class PersonDeletedHandler implements EventHandler<DebatesDatabase, 'members.person.deleted'> {
  readonly name = 'debates-person-deleted';
  readonly type = 'members.person.deleted' as const;

  async handle(trx: Transaction<DebatesDatabase>, event: DomainEvent<'members.person.deleted'>): Promise<void> {
    await nameAuthor(trx, event.data.personId, DELETED_ACCOUNT_NAME, new Date(event.occurredAt));
  }
}
