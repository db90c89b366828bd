import { DomainError, type Actor, type ParsedRequestOf, type Territory } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assertCodeFits, assertMayPlaceTerritory } from './territory-placement';
import { assertCodeFree, existingParent } from './territory-references';
import { assertMayManageTerritories } from './territory.policy';
import { findById, lockTerritoryTree, moveSubtree, toTerritory, updateFields } from './territory.repository';

/**
 * A platform admin renames a territory, changes its code or moves it (with everything under it)
 * beneath another parent; absent fields stay, `parentId: null` makes it a root. Its type stays.
 */
export async function updateTerritory(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.territory.update'>,
): Promise<Territory> {
  assertMayManageTerritories(actor);
  return db.transaction().execute(async (trx) => {
    await lockTerritoryTree(trx);
    const current = await findById(trx, request.id);
    if (!current) throw new DomainError('not_found', 'No such territory.');
    if (request.code !== undefined) {
      assertCodeFits(current.type, request.code);
      await assertCodeFree(trx, current.type, request.code, current.id);
    }
    if (request.parentId !== undefined && request.parentId !== current.parent_id) {
      const parent = request.parentId ? await existingParent(trx, request.parentId) : null;
      assertMayPlaceTerritory(
        current,
        parent && { id: parent.id, type: parent.type, ancestorIds: parent.ancestor_ids },
      );
      await moveSubtree(
        trx,
        { id: current.id, ancestorIds: current.ancestor_ids },
        parent ? [...parent.ancestor_ids, parent.id] : [],
      );
    }
    await updateFields(trx, current.id, { name: request.name, code: request.code });
    const row = (await findById(trx, current.id))!;
    await addToOutbox(
      trx,
      domainEvent(
        'processes.territory.updated',
        { territoryId: row.id, name: row.name, type: row.type, parentId: row.parent_id },
        actor,
      ),
    );
    return toTerritory(row);
  });
}
