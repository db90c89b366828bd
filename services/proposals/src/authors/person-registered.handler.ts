import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { nameAuthor } from '@convergences/read-models';
import type { ProposalsDatabase } from '../db/schema';

/** Learns the names of people as the members service registers them. */
@Injectable()
export class PersonRegisteredHandler implements EventHandler<ProposalsDatabase, 'members.person.registered'> {
  readonly name = 'proposals-authors';
  readonly type = 'members.person.registered' as const;

  async handle(trx: Transaction<ProposalsDatabase>, event: DomainEvent<'members.person.registered'>): Promise<void> {
    await nameAuthor(trx, event.data.personId, event.data.displayName, new Date(event.occurredAt));
  }
}
