import {
  DomainError,
  type Membership,
  type MembershipCheck,
  type MembershipStatus,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import { Handles, type RequestContext } from '@convergences/messaging';
import { DATABASE } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { mayManageOrganization, maySeeOrganization } from '../organization/organization.policy';
import { findById as findOrganization } from '../organization/organization.repository';
import { acceptMembership, declineMembership } from './answer-membership';
import { changeRole } from './change-role';
import { leaveMembership, removeMembership } from './end-membership';
import { invite, requestToJoin } from './join-organization';
import { assertSignedIn, lockMembership } from './membership-access';
import { findFor, findView, listForOrganization, listForPerson, toMembership } from './membership.repository';

const allStatuses: MembershipStatus[] = ['active', 'invited', 'requested'];

@Controller()
export class MembershipHandlers {
  constructor(@Inject(DATABASE) private readonly db: Kysely<MembersDatabase>) {}

  @Handles('members.membership.invite')
  invite(body: ParsedRequestOf<'members.membership.invite'>, { actor }: RequestContext): Promise<Membership> {
    return invite(this.db, actor, body);
  }

  @Handles('members.membership.request')
  request(body: ParsedRequestOf<'members.membership.request'>, { actor }: RequestContext): Promise<Membership> {
    return requestToJoin(this.db, actor, body.organizationId);
  }

  @Handles('members.membership.accept')
  accept(body: ParsedRequestOf<'members.membership.accept'>, { actor }: RequestContext): Promise<Membership> {
    return acceptMembership(this.db, actor, body.id);
  }

  @Handles('members.membership.decline')
  decline(body: ParsedRequestOf<'members.membership.decline'>, { actor }: RequestContext): Promise<Membership> {
    return declineMembership(this.db, actor, body.id);
  }

  @Handles('members.membership.leave')
  leave(body: ParsedRequestOf<'members.membership.leave'>, { actor }: RequestContext): Promise<Membership> {
    return leaveMembership(this.db, actor, body.id);
  }

  @Handles('members.membership.remove')
  remove(body: ParsedRequestOf<'members.membership.remove'>, { actor }: RequestContext): Promise<Membership> {
    return removeMembership(this.db, actor, body.id);
  }

  @Handles('members.membership.changeRole')
  changeRole(body: ParsedRequestOf<'members.membership.changeRole'>, { actor }: RequestContext): Promise<Membership> {
    return changeRole(this.db, actor, body.id, body.role);
  }

  @Handles('members.membership.get')
  async get(body: ParsedRequestOf<'members.membership.get'>, { actor }: RequestContext): Promise<Membership> {
    if (actor) {
      const visible = await this.db.transaction().execute((trx) => lockMembership(trx, actor, body.id));
      return toMembership((await findView(this.db, visible.membership.id))!);
    }
    const view = await findView(this.db, body.id);
    const organization = view ? await findOrganization(this.db, view.organization_id) : undefined;
    if (!view || view.status !== 'active' || organization?.status !== 'verified')
      throw new DomainError('not_found', 'No such membership.');
    return toMembership(view);
  }

  /** Active members for everyone who may see the organisation; its admins also see pending ones. */
  @Handles('members.membership.listForOrganization')
  async listForOrganization(
    query: ParsedRequestOf<'members.membership.listForOrganization'>,
    { actor }: RequestContext,
  ): Promise<Page<Membership>> {
    const organization = await findOrganization(this.db, query.organizationId);
    const own = organization && actor ? await findFor(this.db, organization.id, actor.personId) : undefined;
    if (!organization || !maySeeOrganization(actor, organization.status, own))
      throw new DomainError('not_found', 'No such organisation.');
    const manages = mayManageOrganization(actor, own);
    if (query.status && query.status !== 'active' && !manages)
      throw new DomainError('forbidden', "Only the organisation's admins see pending invitations and requests.");
    const statuses = query.status ? [query.status] : manages ? allStatuses : ['active' as const];
    const { rows, total } = await listForOrganization(this.db, query, statuses);
    return { data: rows.map(toMembership), meta: { total, page: query.page, perPage: query.perPage } };
  }

  @Handles('members.membership.listMine')
  async listMine(
    query: ParsedRequestOf<'members.membership.listMine'>,
    { actor }: RequestContext,
  ): Promise<Page<Membership>> {
    assertSignedIn(actor);
    const { rows, total } = await listForPerson(this.db, actor.personId, query);
    return { data: rows.map(toMembership), meta: { total, page: query.page, perPage: query.perPage } };
  }

  @Handles('members.membership.check')
  async check(body: ParsedRequestOf<'members.membership.check'>): Promise<MembershipCheck> {
    const [organization, membership] = await Promise.all([
      findOrganization(this.db, body.organizationId),
      findFor(this.db, body.organizationId, body.personId),
    ]);
    const member = membership?.status === 'active';
    return {
      member,
      role: member ? membership.role : null,
      organizationVerified: organization?.status === 'verified',
    };
  }
}
