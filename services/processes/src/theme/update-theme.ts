import { DomainError, type Actor, type ParsedRequestOf, type Theme } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { assertMayPlaceTheme } from './theme-placement';
import { parentLineage } from './theme-references';
import { assertMayManageThemes } from './theme.policy';
import { findById, lockThemeTree, nextPosition, toTheme, updateFields } from './theme.repository';

/**
 * A platform admin changes a theme or moves it (with its sub-themes) under another; absent fields
 * stay, `parentId: null` makes it a root. Moved without a position, it comes last among its new siblings.
 */
export async function updateTheme(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.theme.update'>,
): Promise<Theme> {
  assertMayManageThemes(actor);
  return db.transaction().execute(async (trx) => {
    await lockThemeTree(trx);
    const current = await findById(trx, request.id);
    if (!current) throw new DomainError('not_found', 'No such theme.');
    const { id, ...changes } = request;
    const moving = changes.parentId !== undefined && changes.parentId !== current.parent_id;
    if (moving && changes.parentId) assertMayPlaceTheme(id, await parentLineage(trx, changes.parentId));
    const position = changes.position ?? (moving ? await nextPosition(trx, changes.parentId ?? null) : undefined);
    const row = await updateFields(trx, id, { ...changes, position });
    await addToOutbox(
      trx,
      domainEvent(
        'processes.theme.updated',
        { themeId: row.id, name: row.name, colour: row.colour, parentId: row.parent_id },
        actor,
      ),
    );
    return toTheme(row);
  });
}
