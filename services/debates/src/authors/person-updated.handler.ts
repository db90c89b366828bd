import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { renameAuthor } from '@convergences/read-models';
import type { DebatesDatabase } from '../db/schema';

/**
 * Follows the display names of the people who wrote here. Names of everybody else are not kept:
 * debates holds nothing about a person until they write (their export is then empty).
 */
@Injectable()
export class PersonUpdatedHandler implements EventHandler<DebatesDatabase, 'members.person.updated'> {
  readonly name = 'debates-author-names';
  readonly type = 'members.person.updated' as const;

  async handle(trx: Transaction<DebatesDatabase>, event: DomainEvent<'members.person.updated'>): Promise<void> {
    if (!event.data.changed.includes('displayName')) return;
    await renameAuthor(trx, event.data.personId, event.data.displayName, new Date(event.occurredAt));
  }
}
