import { DomainError, type FieldError, type ParticipationSnapshot } from '@convergences/contracts';
import type { CallContext, ServiceClient } from '@convergences/messaging';
import { placeErrors, type ProposalPlace } from './proposal.policy';

/** Where a proposal sits once a change is made; theme and territory are checked only when the change names them. */
export interface ProposalPlacement extends ProposalPlace {
  themeId?: string | null;
  territoryId?: string | null;
}

async function found(ask: () => Promise<unknown>): Promise<boolean> {
  try {
    await ask();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return false;
    throw error;
  }
}

/**
 * A theme that exists, a territory that is the process's or under it, a place where the process
 * locates proposals: otherwise `validation_failed` naming each field, before anything is written.
 */
export async function assertPlacement(
  services: ServiceClient,
  context: CallContext,
  participation: ParticipationSnapshot,
  placement: ProposalPlacement,
): Promise<void> {
  const errors: FieldError[] = placeErrors(placement, participation.settings);
  const { themeId, territoryId } = placement;
  if (themeId && !(await found(() => services.request('processes.theme.get', { id: themeId }, context)))) {
    errors.push({ path: 'themeId', message: 'No such theme.' });
  }
  if (territoryId) {
    if (participation.territoryId) {
      const within = await services
        .request('processes.territory.subtree', { id: participation.territoryId }, context)
        .then((subtree) => subtree.ids.includes(territoryId));
      if (!within) errors.push({ path: 'territoryId', message: "Not the process's territory nor one within it." });
    } else if (!(await found(() => services.request('processes.territory.get', { id: territoryId }, context)))) {
      errors.push({ path: 'territoryId', message: 'No such territory.' });
    }
  }
  if (errors.length > 0) throw new DomainError('validation_failed', 'The proposal is invalid.', undefined, errors);
}
