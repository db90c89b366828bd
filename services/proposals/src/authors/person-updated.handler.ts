import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { nameAuthor } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';

/** Follows the display names people choose, so proposals show their authors' current names. */
@Injectable()
export class PersonUpdatedHandler implements EventHandler<ProposalsDatabase, 'members.person.updated'> {
  readonly name = 'proposals-author-names';
  readonly type = 'members.person.updated' as const;

  async handle(trx: Transaction<ProposalsDatabase>, event: DomainEvent<'members.person.updated'>): Promise<void> {
    if (!event.data.changed.includes('displayName')) return;
    await nameAuthor(trx, event.data.personId, event.data.displayName, new Date(event.occurredAt));
  }
}
