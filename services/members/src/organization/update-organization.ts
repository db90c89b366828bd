import { DomainError, hasRealmRole, type Organization, type ParsedRequestOf } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { CallContext } from '@convergences/messaging';
import { findFor } from '../membership/membership.repository';
import { assertTerritoryExists } from '../territory/territories';
import type { OrganizationDeps } from './create-organization';
import { setNetworks } from './organization-networks';
import { assertMayManageOrganization, maySeeOrganization } from './organization.policy';
import {
  hasMembers,
  lockById,
  lockNetworkGraph,
  networksOf,
  toOrganization,
  updateFields,
} from './organization.repository';

/** Its admins or a platform admin change an organisation; absent fields stay, `null` clears one. */
export async function updateOrganization(
  deps: OrganizationDeps,
  context: CallContext,
  request: ParsedRequestOf<'members.organization.update'>,
): Promise<Organization> {
  const { actor } = context;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to change an organisation.');
  // Asked before the transaction, so that the organisation is not locked while processes answers.
  if (request.territoryId) await assertTerritoryExists(deps.services, context, request.territoryId);
  return deps.db.transaction().execute(async (trx) => {
    if (request.networkIds) await lockNetworkGraph(trx);
    const current = await lockById(trx, request.id);
    const membership = current ? await findFor(trx, current.id, actor.personId) : undefined;
    if (!current || !maySeeOrganization(actor, current.status, membership))
      throw new DomainError('not_found', 'No such organisation.');
    assertMayManageOrganization(actor, membership);
    const { id, networkIds, ...changes } = request;
    if (changes.kind && changes.kind !== 'reseau' && current.kind === 'reseau' && (await hasMembers(trx, id))) {
      throw new DomainError('conflict', 'This network has member organisations: it must stay a network.', {
        field: 'kind',
      });
    }
    const row = await updateFields(trx, id, {
      ...changes,
      ...(changes.address !== undefined ? { address: changes.address || null } : {}),
      ...(changes.themeIds !== undefined ? { themeIds: [...new Set(changes.themeIds)] } : {}),
    });
    if (networkIds) await setNetworks(trx, id, networkIds);
    await addToOutbox(
      trx,
      domainEvent(
        'members.organization.updated',
        { organizationId: row.id, slug: row.slug, name: row.name, kind: row.kind, status: row.status },
        actor,
      ),
    );
    const networks = await networksOf(trx, [row.id], hasRealmRole(actor, 'admin'));
    return toOrganization(row, networks.get(row.id) ?? []);
  });
}
