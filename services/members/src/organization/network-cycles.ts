import { DomainError } from '@convergences/contracts';

/**
 * An organisation cannot end up in its own network ancestry: joining `networkIds` is refused when
 * one of them is the organisation itself or one of its members, direct or not (`descendants`).
 */
export function assertNoNetworkCycle(
  organizationId: string,
  networkIds: readonly string[],
  descendants: ReadonlySet<string>,
): void {
  const looping = networkIds.find((id) => id === organizationId || descendants.has(id));
  if (looping) {
    throw new DomainError('conflict', 'An organisation cannot belong to itself or to one of its own members.', {
      networkId: looping,
    });
  }
}
