import type { Actor, ParsedRequestOf, Territory } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ProcessesDatabase } from '../db/schema';
import { assertCodeFits, assertMayPlaceTerritory } from './territory-placement';
import { assertCodeFree, existingParent } from './territory-references';
import { assertMayManageTerritories } from './territory.policy';
import { findById, insertTerritory, lockTerritoryTree, toTerritory } from './territory.repository';

/** A platform admin adds a territory, at the root or under a wider one; its official code is unique per type. */
export async function createTerritory(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.territory.create'>,
): Promise<Territory> {
  assertMayManageTerritories(actor);
  const code = request.code ?? null;
  assertCodeFits(request.type, code);
  return db.transaction().execute(async (trx) => {
    await lockTerritoryTree(trx);
    const parent = request.parentId ? await existingParent(trx, request.parentId) : null;
    assertMayPlaceTerritory(
      { type: request.type },
      parent && { id: parent.id, type: parent.type, ancestorIds: parent.ancestor_ids },
    );
    await assertCodeFree(trx, request.type, code);
    const id = uuidv7();
    await insertTerritory(trx, {
      id,
      name: request.name,
      type: request.type,
      code,
      parentId: parent?.id ?? null,
      ancestorIds: parent ? [...parent.ancestor_ids, parent.id] : [],
    });
    const row = (await findById(trx, id))!;
    await addToOutbox(
      trx,
      domainEvent(
        'processes.territory.created',
        { territoryId: row.id, name: row.name, type: row.type, parentId: row.parent_id },
        actor,
      ),
    );
    return toTerritory(row);
  });
}
