import { DomainError, type Organization, type ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { MembersDatabase } from '../db/schema';
import { insertUnlessPresent } from '../membership/membership.repository';
import { assertTerritoryExists } from '../territory/territories';
import { setNetworks } from './organization-networks';
import { slugify } from './organization-names';
import { assertMayCreateOrganization } from './organization.policy';
import {
  insertUnlessSlugTaken,
  lockNetworkGraph,
  networksOf,
  slugTaken,
  toOrganization,
  type OrganizationFields,
  type OrganizationRow,
} from './organization.repository';

export interface OrganizationDeps {
  db: Kysely<MembersDatabase>;
  services: ServiceClient;
}

/** A participant proposes an organisation: it is pending, and they are its first admin; its territory must exist. */
export async function createOrganization(
  deps: OrganizationDeps,
  context: CallContext,
  request: ParsedRequestOf<'members.organization.create'>,
): Promise<Organization> {
  const { actor } = context;
  assertMayCreateOrganization(actor);
  if (request.territoryId) await assertTerritoryExists(deps.services, context, request.territoryId);
  return deps.db.transaction().execute(async (trx) => {
    if (request.networkIds?.length) await lockNetworkGraph(trx);
    const fields: OrganizationFields = {
      name: request.name,
      kind: request.kind,
      description: request.description ?? null,
      website: request.website ?? null,
      address: request.address || null,
      latitude: request.latitude ?? null,
      longitude: request.longitude ?? null,
      territoryId: request.territoryId ?? null,
      themeIds: [...new Set(request.themeIds ?? [])],
      logoUrl: request.logoUrl ?? null,
    };
    const row = await insertWithFreeSlug(trx, slugify(request.name), { ...fields, createdBy: actor.personId });
    if (request.networkIds?.length) await setNetworks(trx, row.id, request.networkIds);
    const admin = await insertUnlessPresent(trx, {
      organizationId: row.id,
      personId: actor.personId,
      role: 'admin',
      status: 'active',
      invitedBy: null,
    });
    if (!admin) throw new DomainError('internal', 'The first admin could not be recorded.');
    await addToOutbox(
      trx,
      domainEvent(
        'members.organization.created',
        { organizationId: row.id, slug: row.slug, name: row.name, kind: row.kind, status: row.status },
        actor,
      ),
      domainEvent(
        'members.membership.joined',
        { membershipId: admin.id, organizationId: row.id, personId: actor.personId, role: 'admin' },
        actor,
      ),
    );
    const networks = await networksOf(trx, [row.id], true);
    return toOrganization(row, networks.get(row.id) ?? []);
  });
}

/** Inserts under `base`, or `base-2`, `base-3`… whichever is free first, even against concurrent creations. */
async function insertWithFreeSlug(
  db: Kysely<MembersDatabase>,
  base: string,
  fields: OrganizationFields & { createdBy: string },
): Promise<OrganizationRow> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await slugTaken(db, slug)) continue;
    const row = await insertUnlessSlugTaken(db, { id: uuidv7(), slug, ...fields });
    if (row) return row;
  }
}
