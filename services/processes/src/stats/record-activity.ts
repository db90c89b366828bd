import type { Transaction } from 'kysely';
import type { ProcessesDatabase } from '../db/schema';
import { parisDay } from './paris-day';
import { addOneOnDay, processExists, recordParticipant, type DailyCounter } from './stats.repository';

/** One thing that happened in a process, as the statistics count it. */
export interface ProcessActivity {
  processId: string | null;
  occurredAt: string;
  counter: DailyCounter;
  /** Who did it and so takes part in the process, or `null` when the act makes nobody a participant. */
  participantId: string | null;
}

/**
 * Counts the act on its Paris day and its author as a participant of the process. Acts outside
 * any process, or in a process this service does not know, count nowhere.
 */
export async function recordActivity(trx: Transaction<ProcessesDatabase>, activity: ProcessActivity): Promise<void> {
  const { processId, counter, participantId } = activity;
  if (!processId || !(await processExists(trx, processId))) return;
  const day = parisDay(activity.occurredAt);
  // The person's row first, then the day lines, later days before earlier ones: consumers running
  // side by side take their locks in the same order, so they never deadlock one another.
  if (participantId) await recordParticipant(trx, processId, participantId, day);
  await addOneOnDay(trx, processId, day, counter);
}
