import { DomainError, type ParsedRequestOf, type ParticipationSnapshot } from '@convergences/contracts';
import { Handles } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { currentParticipation } from './participation.repository';

@Controller()
export class ParticipationHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  /** For services that keep a copy of the rules: the snapshot `processes.participation.changed` carries. */
  @Handles('processes.process.participation')
  async participation(body: ParsedRequestOf<'processes.process.participation'>): Promise<ParticipationSnapshot> {
    const snapshot = await currentParticipation(this.db, body.processId);
    if (!snapshot) throw new DomainError('not_found', 'No such process.');
    return snapshot;
  }
}
