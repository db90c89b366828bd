import { DomainError, type MePerson } from '@convergences/contracts';
import { Handles } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { ensurePerson } from './ensure-person';
import { findById, toMePerson } from './person.repository';

@Controller()
export class PersonHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MembersDatabase>) {}

  @Handles('members.person.ensure')
  ensure(body: Parameters<typeof ensurePerson>[1]): Promise<MePerson> {
    return ensurePerson(this.db, body);
  }

  @Handles('members.person.get')
  async get(body: { id: string }): Promise<MePerson> {
    const row = await findById(this.db, body.id);
    if (!row) throw new DomainError('not_found', 'No such person.');
    return toMePerson(row);
  }
}
