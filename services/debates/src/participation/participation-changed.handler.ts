import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { keepParticipation } from '@convergences/read-models';
import type { DebatesDatabase } from '../db/schema';

/** Follows the rules in force in each process; an older snapshot arriving late changes nothing. */
@Injectable()
export class ParticipationChangedHandler implements EventHandler<DebatesDatabase, 'processes.participation.changed'> {
  readonly name = 'debates-process-participation';
  readonly type = 'processes.participation.changed' as const;

  async handle(
    trx: Transaction<DebatesDatabase>,
    event: DomainEvent<'processes.participation.changed'>,
  ): Promise<void> {
    await keepParticipation(trx, event.data);
  }
}
