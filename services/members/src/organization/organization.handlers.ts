import {
  DomainError,
  hasRealmRole,
  type Organization,
  type OrganizationMap,
  type Page,
  type ParsedRequestOf,
} from '@convergences/contracts';
import { Handles, ServiceClient, type RequestContext } from '@convergences/messaging';
import { DATABASE, SERVICE_CLIENT } from '@convergences/service-runtime';
import { Controller, Inject } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { findFor } from '../membership/membership.repository';
import { subtreeOf } from '../territory/territories';
import { createOrganization } from './create-organization';
import { maySeeOrganization } from './organization.policy';
import { findByIdOrSlug, list, mapOf, networksOf, toOrganization } from './organization.repository';
import { updateOrganization } from './update-organization';
import { verifyOrganization } from './verify-organization';

@Controller()
export class OrganizationHandlers {
  constructor(
    @Inject(DATABASE) private readonly db: Kysely<MembersDatabase>,
    @Inject(SERVICE_CLIENT) private readonly services: ServiceClient,
  ) {}

  @Handles('members.organization.create')
  create(body: ParsedRequestOf<'members.organization.create'>, context: RequestContext): Promise<Organization> {
    return createOrganization({ db: this.db, services: this.services }, context, body);
  }

  @Handles('members.organization.update')
  update(body: ParsedRequestOf<'members.organization.update'>, context: RequestContext): Promise<Organization> {
    return updateOrganization({ db: this.db, services: this.services }, context, body);
  }

  @Handles('members.organization.verify')
  verify(body: ParsedRequestOf<'members.organization.verify'>, { actor }: RequestContext): Promise<Organization> {
    return verifyOrganization(this.db, actor, body.id);
  }

  @Handles('members.organization.get')
  async get(body: ParsedRequestOf<'members.organization.get'>, { actor }: RequestContext): Promise<Organization> {
    const row = await findByIdOrSlug(this.db, body.idOrSlug);
    const membership = row && actor ? await findFor(this.db, row.id, actor.personId) : undefined;
    if (!row || !maySeeOrganization(actor, row.status, membership))
      throw new DomainError('not_found', 'No such organisation.');
    const networks = await networksOf(this.db, [row.id], hasRealmRole(actor, 'admin'));
    return toOrganization(row, networks.get(row.id) ?? []);
  }

  /** Verified organisations for everyone; platform admins may ask for pending ones (`status`). */
  @Handles('members.organization.list')
  async list(
    query: ParsedRequestOf<'members.organization.list'>,
    context: RequestContext,
  ): Promise<Page<Organization>> {
    const { actor } = context;
    const admin = hasRealmRole(actor, 'admin');
    if (query.status === 'pending' && !admin)
      throw new DomainError('forbidden', 'Only platform administrators list pending organisations.');
    const status = admin ? query.status : 'verified';
    const { rows, total } = await list(this.db, { ...query, ...(await this.territoryFilter(query, context)) }, status);
    const networks = await networksOf(
      this.db,
      rows.map((r) => r.id),
      admin,
    );
    return {
      data: rows.map((row) => toOrganization(row, networks.get(row.id) ?? [])),
      meta: { total, page: query.page, perPage: query.perPage },
    };
  }

  @Handles('members.organization.map')
  async map(query: ParsedRequestOf<'members.organization.map'>, context: RequestContext): Promise<OrganizationMap> {
    return mapOf(this.db, { ...query, ...(await this.territoryFilter(query, context)) });
  }

  /** "Of this territory" includes its sub-territories: `processes` names them, once per query. */
  private async territoryFilter(
    query: { territoryId?: string; territory?: string },
    context: RequestContext,
  ): Promise<{ territoryIds?: string[] }> {
    const territoryId = query.territoryId ?? query.territory;
    return territoryId ? { territoryIds: await subtreeOf(this.services, context, territoryId) } : {};
  }
}
