import type { Transaction } from 'kysely';
import type { ProcessesDatabase, ProcessStatsItemsTable } from '../db/schema';
import { parisDay } from './paris-day';
import { addOneOnDay, processExists, recordParticipant, takeOneOffDay, type DailyCounter } from './stats.repository';

type Trx = Transaction<ProcessesDatabase>;
type ItemType = ProcessStatsItemsTable['resource_type'];
type Item = {
  resource_id: string;
  day: string | null;
  hidden: boolean;
  parent_hidden: boolean;
  moderation_version: number;
};

/*
 * Content hidden by moderation leaves the counts of the day it was written, and comes back when
 * shown; a hidden proposal or debate takes its comments with it. Each counted item keeps its day
 * and whether it is hidden. Every path locks the resource a comment is on before the comment, and
 * day lines last, later days first (as record-activity does), so consumers never deadlock.
 */

const counterOf: Record<ItemType, DailyCounter> = { proposal: 'proposals', debate: 'debates', comment: 'comments' };
const shown = (item: Pick<Item, 'hidden' | 'parent_hidden'>) => !item.hidden && !item.parent_hidden;
const isItemType = (type: string): type is ItemType => type in counterOf;

/** Locks an item's line, first making one (not counted yet: no day) if it was never heard of. */
async function lockItem(
  trx: Trx,
  item: { resourceId: string; resourceType: ItemType; processId: string; parentId?: string | null },
  mode: 'update' | 'share' = 'update',
): Promise<Item> {
  await trx
    .insertInto('process_stats_items')
    .values({
      resource_id: item.resourceId,
      resource_type: item.resourceType,
      process_id: item.processId,
      parent_id: item.parentId ?? null,
    })
    .onConflict((oc) => oc.column('resource_id').doNothing())
    .execute();
  const query = trx
    .selectFrom('process_stats_items')
    .select(['resource_id', 'day', 'hidden', 'parent_hidden', 'moderation_version'])
    .where('resource_id', '=', item.resourceId);
  return (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirstOrThrow();
}

/** A change of ±1 to a counter of one day: one more when shown again, one less when hidden. */
async function move(trx: Trx, processId: string, day: string, counter: DailyCounter, nowShown: boolean) {
  await (nowShown ? addOneOnDay : takeOneOffDay)(trx, processId, day, counter);
}

/**
 * A proposal, debate or comment written in a process: one more on its Paris day unless it is
 * already hidden (a moderation heard of first, or, for a comment, its resource hidden); its
 * author takes part either way.
 */
export async function countCreated(
  trx: Trx,
  created: {
    processId: string | null;
    occurredAt: string;
    resourceType: ItemType;
    resourceId: string;
    participantId: string;
    /** A comment's resource (a proposal or a debate), hidden with it. */
    on?: { resourceType: string; resourceId: string };
  },
): Promise<void> {
  const { processId } = created;
  if (!processId || !(await processExists(trx, processId))) return;
  const day = parisDay(created.occurredAt);
  let parentHidden = false;
  if (created.on && isItemType(created.on.resourceType)) {
    const parent = await lockItem(
      trx,
      { resourceId: created.on.resourceId, resourceType: created.on.resourceType, processId },
      'share',
    );
    parentHidden = parent.hidden;
  }
  const item = await lockItem(trx, { ...created, processId, parentId: created.on?.resourceId });
  if (item.day !== null) return;
  await trx
    .updateTable('process_stats_items')
    .set({ day, parent_hidden: parentHidden })
    .where('resource_id', '=', created.resourceId)
    .execute();
  await recordParticipant(trx, processId, created.participantId, day);
  if (shown({ hidden: item.hidden, parent_hidden: parentHidden })) {
    await addOneOnDay(trx, processId, day, counterOf[created.resourceType]);
  }
}

/**
 * A moderation decision (`debates.content.moderated`): the item leaves or comes back to its
 * day's count, and a proposal's or debate's comments with it. An older decision than the last
 * one applied changes nothing.
 */
export async function countModerated(
  trx: Trx,
  moderated: { processId: string | null; resourceType: ItemType; resourceId: string; hidden: boolean; version: number },
): Promise<void> {
  const { processId, resourceType, resourceId, hidden, version } = moderated;
  if (!processId || !(await processExists(trx, processId))) return;
  const item = await lockItem(trx, { resourceId, resourceType, processId });
  if (version <= item.moderation_version) return;
  await trx
    .updateTable('process_stats_items')
    .set({ hidden, moderation_version: version })
    .where('resource_id', '=', resourceId)
    .execute();
  if (item.hidden === hidden) return;
  const comments =
    resourceType === 'comment'
      ? []
      : await trx
          .updateTable('process_stats_items')
          .set({ parent_hidden: hidden })
          .where('parent_id', '=', resourceId)
          .where('parent_hidden', '=', !hidden)
          .returning(['day', 'hidden'])
          .execute();
  const nowShown = !hidden && !item.parent_hidden;
  const moves: { day: string; counter: DailyCounter }[] = [];
  if (item.day !== null && shown(item) !== nowShown) moves.push({ day: item.day, counter: counterOf[resourceType] });
  for (const comment of comments) {
    // A comment hidden on its own stays out whatever its resource does.
    if (comment.day !== null && !comment.hidden) moves.push({ day: comment.day, counter: 'comments' });
  }
  moves.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  for (const { day, counter } of moves) await move(trx, processId, day, counter, nowShown);
}
