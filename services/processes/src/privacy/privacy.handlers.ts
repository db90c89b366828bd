import { assertIsThePerson, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { invitationsOf } from '../invitation/invitation.repository';
import { rolesOf } from '../role/role.repository';

/**
 * What processes holds about a person: the processes they created, their process roles, their
 * invitations to private processes, and the processes their statistics count them in (since when). On `members.person.deleted` the roles and invitations go
 * (`PersonDeletedHandler`); `created_by` and `assigned_by`/`invited_by` ids stay, since they point
 * at the anonymised row members keeps for a deleted account.
 */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<ProcessesDatabase>) {}

  @Handles('processes.privacy.export')
  async export(body: ParsedRequestOf<'processes.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const [created, processRoles, processInvitations, countedIn] = await Promise.all([
      this.db
        .selectFrom('processes')
        .select(['id', 'slug', 'title', 'status', 'created_at as createdAt', 'published_at as publishedAt'])
        .where('created_by', '=', body.personId)
        .orderBy('created_at')
        .execute(),
      rolesOf(this.db, body.personId),
      invitationsOf(this.db, body.personId),
      this.db
        .selectFrom('process_participants')
        .innerJoin('processes', 'processes.id', 'process_participants.process_id')
        .select(['processes.id as processId', 'processes.slug', 'process_participants.first_seen_on as since'])
        .where('process_participants.person_id', '=', body.personId)
        .orderBy('process_participants.first_seen_on')
        .execute(),
    ]);
    return {
      service: 'processes',
      data: { createdProcesses: created, processRoles, processInvitations, countedInStatisticsOf: countedIn },
    };
  }
}
