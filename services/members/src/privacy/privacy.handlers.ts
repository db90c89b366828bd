import { assertIsThePerson, DomainError, type ParsedRequestOf, type ServiceExport } from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { findById, toAdminPerson } from '../person/person.repository';
import { membershipsOf, organizationsCreatedBy, verificationsOf } from './account.repository';
import { deleteAccount } from './delete-account';

/** The person's own data: exported on request, anonymised when they delete their account. */
@Controller()
export class PrivacyHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MembersDatabase>) {}

  /** Profile (email and block state included), memberships, organisations they proposed or administer, verifications. */
  @Handles('members.privacy.export')
  async export(body: ParsedRequestOf<'members.privacy.export'>, { actor }: RequestContext): Promise<ServiceExport> {
    assertIsThePerson(actor, body.personId);
    const person = await findById(this.db, body.personId);
    if (!person) throw new DomainError('not_found', 'No such person.');
    const [memberships, createdOrganizations, verifications] = await Promise.all([
      membershipsOf(this.db, body.personId),
      organizationsCreatedBy(this.db, body.personId),
      verificationsOf(this.db, body.personId),
    ]);
    const administeredOrganizations = memberships
      .filter((m) => m.status === 'active' && m.role === 'admin')
      .map((m) => ({ id: m.organizationId, slug: m.organizationSlug, name: m.organizationName }));
    return {
      service: 'members',
      data: {
        profile: toAdminPerson(person),
        memberships,
        administeredOrganizations,
        createdOrganizations,
        verifications,
      },
    };
  }

  @Handles('members.privacy.delete')
  delete(body: ParsedRequestOf<'members.privacy.delete'>, { actor }: RequestContext) {
    assertIsThePerson(actor, body.personId);
    return deleteAccount(this.db, actor!, body.personId);
  }
}
