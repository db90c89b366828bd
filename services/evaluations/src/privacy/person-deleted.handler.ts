import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

/** A deleted account edits no framework any more. */
@Injectable()
export class PersonDeletedHandler implements EventHandler<EvaluationsDatabase, 'members.person.deleted'> {
  readonly name = 'evaluations-person-deleted';
  readonly type = 'members.person.deleted' as const;

  async handle(trx: Transaction<EvaluationsDatabase>, event: DomainEvent<'members.person.deleted'>): Promise<void> {
    await trx.deleteFrom('framework_editors').where('person_id', '=', event.data.personId).execute();
  }
}
