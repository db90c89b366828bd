import { DELETED_ACCOUNT_NAME, type DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { nameAuthor } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';

/**
 * A deleted account's proposals stay, signed "Compte supprimé": the author's name is replaced as
 * of the deletion, so no earlier name event delivered late can bring it back.
 */
@Injectable()
export class PersonDeletedHandler implements EventHandler<ProposalsDatabase, 'members.person.deleted'> {
  readonly name = 'proposals-person-deleted';
  readonly type = 'members.person.deleted' as const;

  async handle(trx: Transaction<ProposalsDatabase>, event: DomainEvent<'members.person.deleted'>): Promise<void> {
    await nameAuthor(trx, event.data.personId, DELETED_ACCOUNT_NAME, new Date(event.occurredAt));
  }
}
