import { DomainError } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import type { MembersDatabase } from '../db/schema';
import { assertNoNetworkCycle } from './network-cycles';
import { descendantsOf, findKinds, lockNetworkGraph, replaceNetworks } from './organization.repository';

/**
 * Makes `organizationId` a direct member of exactly `networkIds`: each must be a network (kind
 * `reseau`, else 400) that does not already belong to the organisation (409). Call in a transaction that took `lockNetworkGraph` first.
 */
export async function setNetworks(
  trx: Kysely<MembersDatabase>,
  organizationId: string,
  networkIds: readonly string[],
): Promise<void> {
  const wanted = [...new Set(networkIds)];
  await lockNetworkGraph(trx);
  const found = new Map((await findKinds(trx, wanted)).map((o) => [o.id, o.kind]));
  const errors = wanted.flatMap((id, index) =>
    found.get(id) === 'reseau'
      ? []
      : [
          {
            path: `networkIds.${index}`,
            message: found.has(id) ? 'not a network (kind reseau)' : 'no such organisation',
          },
        ],
  );
  if (errors.length)
    throw new DomainError('validation_failed', 'Only networks can have member organisations.', undefined, errors);
  assertNoNetworkCycle(organizationId, wanted, wanted.length ? await descendantsOf(trx, organizationId) : new Set());
  await replaceNetworks(trx, organizationId, wanted);
}
