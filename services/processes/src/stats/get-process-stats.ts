import { DomainError, type Actor, type ProcessStats } from '@convergences/contracts';
import type { Kysely } from 'kysely';
import { standingIn } from '../access/process-access.repository';
import type { ProcessesDatabase } from '../db/schema';
import { maySeeStats } from './stats.policy';
import { dailyStatsOf, findProcessFrame } from './stats.repository';
import { toProcessStats } from './to-process-stats';

/** A process's statistics, for those who may see the process; `not_found` for everyone else. */
export async function getProcessStats(
  db: Kysely<ProcessesDatabase>,
  actor: Actor | null,
  processId: string,
): Promise<ProcessStats> {
  const process = await findProcessFrame(db, processId);
  if (!process) throw new DomainError('not_found', 'No such process.');
  const standing = await standingIn(db, processId, actor?.personId);
  if (!maySeeStats(actor, process, standing)) throw new DomainError('not_found', 'No such process.');
  return toProcessStats(processId, await dailyStatsOf(db, processId));
}
