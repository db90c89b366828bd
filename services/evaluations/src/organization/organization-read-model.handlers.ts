import type { DomainEvent } from '@convergences/contracts';
import type { EventHandler } from '@convergences/events';
import { renameAuthor } from '@convergences/read-models';
import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { EvaluationsDatabase } from '../db/schema';

type Trx = Transaction<EvaluationsDatabase>;
type OrganizationEvent =
  'members.organization.created' | 'members.organization.updated' | 'members.organization.verified';

/*
 * What evaluations keeps of members' organisations and memberships, from their events: a
 * campaign's subjects are organisations, and who may read or write a subject's self-assessment
 * is who is a member of it now — answered here, without asking members on every read.
 */

async function rememberOrganization(trx: Trx, event: DomainEvent<OrganizationEvent>): Promise<void> {
  const { organizationId, name, slug } = event.data;
  const asOf = new Date(event.occurredAt);
  await trx
    .insertInto('organizations')
    .values({ id: organizationId, name, slug, updated_at: asOf })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ name, slug, updated_at: asOf }).where('organizations.updated_at', '<=', asOf),
    )
    .execute();
}

@Injectable()
export class OrganizationCreatedHandler implements EventHandler<EvaluationsDatabase, 'members.organization.created'> {
  readonly name = 'evaluations-organization-created';
  readonly type = 'members.organization.created' as const;
  handle(trx: Trx, event: DomainEvent<'members.organization.created'>): Promise<void> {
    return rememberOrganization(trx, event);
  }
}

@Injectable()
export class OrganizationUpdatedHandler implements EventHandler<EvaluationsDatabase, 'members.organization.updated'> {
  readonly name = 'evaluations-organization-updated';
  readonly type = 'members.organization.updated' as const;
  handle(trx: Trx, event: DomainEvent<'members.organization.updated'>): Promise<void> {
    return rememberOrganization(trx, event);
  }
}

@Injectable()
export class MembershipJoinedHandler implements EventHandler<EvaluationsDatabase, 'members.membership.joined'> {
  readonly name = 'evaluations-membership-joined';
  readonly type = 'members.membership.joined' as const;
  async handle(trx: Trx, event: DomainEvent<'members.membership.joined'>): Promise<void> {
    const { organizationId, personId, role } = event.data;
    await trx
      .insertInto('organization_members')
      .values({ organization_id: organizationId, person_id: personId, role })
      .onConflict((oc) => oc.columns(['organization_id', 'person_id']).doUpdateSet({ role }))
      .execute();
  }
}

@Injectable()
export class MembershipLeftHandler implements EventHandler<EvaluationsDatabase, 'members.membership.left'> {
  readonly name = 'evaluations-membership-left';
  readonly type = 'members.membership.left' as const;
  async handle(trx: Trx, event: DomainEvent<'members.membership.left'>): Promise<void> {
    await trx
      .deleteFrom('organization_members')
      .where('organization_id', '=', event.data.organizationId)
      .where('person_id', '=', event.data.personId)
      .execute();
  }
}

@Injectable()
export class MembershipRoleChangedHandler implements EventHandler<
  EvaluationsDatabase,
  'members.membership.roleChanged'
> {
  readonly name = 'evaluations-membership-role-changed';
  readonly type = 'members.membership.roleChanged' as const;
  async handle(trx: Trx, event: DomainEvent<'members.membership.roleChanged'>): Promise<void> {
    await trx
      .updateTable('organization_members')
      .set({ role: event.data.role })
      .where('organization_id', '=', event.data.organizationId)
      .where('person_id', '=', event.data.personId)
      .execute();
  }
}

/** Follows the names of the people named in campaigns; nobody else's name is kept here. */
@Injectable()
export class PersonRenamedHandler implements EventHandler<EvaluationsDatabase, 'members.person.updated'> {
  readonly name = 'evaluations-person-names';
  readonly type = 'members.person.updated' as const;
  async handle(trx: Trx, event: DomainEvent<'members.person.updated'>): Promise<void> {
    if (!event.data.changed.includes('displayName')) return;
    await renameAuthor(trx, event.data.personId, event.data.displayName, new Date(event.occurredAt));
  }
}

export const organizationReadModelHandlers = [
  OrganizationCreatedHandler,
  OrganizationUpdatedHandler,
  MembershipJoinedHandler,
  MembershipLeftHandler,
  MembershipRoleChangedHandler,
  PersonRenamedHandler,
];
