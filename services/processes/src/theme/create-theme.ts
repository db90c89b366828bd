import type { Actor, ParsedRequestOf, Theme } from '@convergences/contracts';
import { addToOutbox, domainEvent } from '@convergences/events';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ProcessesDatabase } from '../db/schema';
import { parentLineage } from './theme-references';
import { assertMayManageThemes } from './theme.policy';
import { insertTheme, lockThemeTree, nextPosition, toTheme } from './theme.repository';

/** A platform admin adds a theme, at the root or under another; without a position it comes last among its siblings. */
export async function createTheme(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  request: ParsedRequestOf<'processes.theme.create'>,
): Promise<Theme> {
  assertMayManageThemes(actor);
  return db.transaction().execute(async (trx) => {
    await lockThemeTree(trx);
    const parentId = request.parentId ?? null;
    if (parentId) await parentLineage(trx, parentId);
    const row = await insertTheme(trx, {
      id: uuidv7(),
      name: request.name,
      description: request.description ?? null,
      colour: request.colour,
      parentId,
      position: request.position ?? (await nextPosition(trx, parentId)),
    });
    await addToOutbox(
      trx,
      domainEvent(
        'processes.theme.created',
        { themeId: row.id, name: row.name, colour: row.colour, parentId: row.parent_id },
        actor,
      ),
    );
    return toTheme(row);
  });
}
