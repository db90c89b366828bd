import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';

/**
 * What processes holds about a person: the processes they created. It keeps nothing personal
 * beyond `created_by` ids, which point at the anonymised row members keeps for a deleted account:
 * so it has nothing to anonymise on `members.person.deleted` and does not consume it.
 */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.privacy.export')
  async export(body: ParsedRequestOf<'processes.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const created = await this.db
      .selectFrom('processes')
      .select(['id', 'slug', 'title', 'status', 'created_at as createdAt', 'published_at as publishedAt'])
      .where('created_by', '=', body.personId)
      .orderBy('created_at')
      .execute();
    return { service: 'processes', data: { createdProcesses: created } };
  }
}
