import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ProcessFrame } from '../access/process-access';
import type { ProcessDailyStatsTable, ProcessesDatabase } from '../db/schema';

type Db = Kysely<ProcessesDatabase> | Transaction<ProcessesDatabase>;

/** The counters an event adds one to, on its day. */
export type DailyCounter = 'proposals' | 'supports' | 'supports_withdrawn' | 'comments' | 'debates';

export type DailyStatsRow = Selectable<ProcessDailyStatsTable>;

/** The little of a process the statistics need: whether it exists, and who may see it. */
export async function findProcessFrame(db: Db, processId: string): Promise<ProcessFrame | undefined> {
  return db.selectFrom('processes').select(['status', 'visibility']).where('id', '=', processId).executeTakeFirst();
}

/** Whether this service knows the process (events of unknown ones are not counted). */
export async function processExists(trx: Transaction<ProcessesDatabase>, processId: string): Promise<boolean> {
  return !!(await trx.selectFrom('processes').select('id').where('id', '=', processId).executeTakeFirst());
}

/** Adds one to a counter of the process's day, creating the day's line if needed. */
export async function addOneOnDay(
  trx: Transaction<ProcessesDatabase>,
  processId: string,
  day: string,
  counter: DailyCounter | 'participants',
): Promise<void> {
  await trx
    .insertInto('process_daily_stats')
    .values({ process_id: processId, day, [counter]: 1 })
    .onConflict((oc) =>
      oc
        .columns(['process_id', 'day'])
        .doUpdateSet((eb) => ({ [counter]: eb(`process_daily_stats.${counter}`, '+', 1) })),
    )
    .execute();
}

/** Takes one off a counter of a day that counted it (hidden content): the line exists, so this is an update. */
export async function takeOneOffDay(
  trx: Transaction<ProcessesDatabase>,
  processId: string,
  day: string,
  counter: DailyCounter,
): Promise<void> {
  await trx
    .updateTable('process_daily_stats')
    .set((eb) => ({ [counter]: eb(`process_daily_stats.${counter}`, '-', 1) }))
    .where('process_id', '=', processId)
    .where('day', '=', day)
    .execute();
}

/** Takes one participant off a day that counted them (the line exists, so this is an update). */
async function removeParticipantFromDay(trx: Transaction<ProcessesDatabase>, processId: string, day: string) {
  await trx
    .updateTable('process_daily_stats')
    .set((eb) => ({ participants: eb('participants', '-', 1) }))
    .where('process_id', '=', processId)
    .where('day', '=', day)
    .execute();
}

/**
 * Records that the person took part in the process on `day`: counted once, on the earliest day
 * seen. Consumers of different event types run side by side, so an older event may arrive after a
 * newer one: the person then moves from the later day to the earlier one.
 */
export async function recordParticipant(
  trx: Transaction<ProcessesDatabase>,
  processId: string,
  personId: string,
  day: string,
): Promise<void> {
  const inserted = await trx
    .insertInto('process_participants')
    .values({ process_id: processId, person_id: personId, first_seen_on: day })
    .onConflict((oc) => oc.columns(['process_id', 'person_id']).doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows) return addOneOnDay(trx, processId, day, 'participants');

  const known = await trx
    .selectFrom('process_participants')
    .select('first_seen_on')
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // `YYYY-MM-DD` strings sort as the days do.
  if (known.first_seen_on <= day) return;
  await trx
    .updateTable('process_participants')
    .set({ first_seen_on: day })
    .where('process_id', '=', processId)
    .where('person_id', '=', personId)
    .execute();
  await removeParticipantFromDay(trx, processId, known.first_seen_on);
  await addOneOnDay(trx, processId, day, 'participants');
}

/** The process's daily lines, oldest first. */
export async function dailyStatsOf(db: Db, processId: string): Promise<DailyStatsRow[]> {
  return db.selectFrom('process_daily_stats').selectAll().where('process_id', '=', processId).orderBy('day').execute();
}
