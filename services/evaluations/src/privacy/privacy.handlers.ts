import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

/**
 * What evaluations holds about a person: the frameworks they are named to edit. A person who
 * edits none has nothing here: the answer is `{}`. (Who created or adopted a version is the
 * framework's history, kept with it.)
 */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<EvaluationsDatabase>) {}

  @Handles('evaluations.privacy.export')
  async export(body: ParsedRequestOf<'evaluations.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const editing = await this.db
      .selectFrom('framework_editors')
      .select(['lineage_id', 'added_at'])
      .where('person_id', '=', body.personId)
      .orderBy('added_at')
      .execute();
    if (editing.length === 0) return { service: 'evaluations', data: {} };
    return {
      service: 'evaluations',
      data: {
        frameworkEditor: editing.map((row) => ({ lineageId: row.lineage_id, addedAt: row.added_at.toISOString() })),
      },
    };
  }
}
