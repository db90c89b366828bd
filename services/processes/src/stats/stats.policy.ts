import type { Actor } from '@convergences/contracts';
import { maySeeProcess, type ProcessFrame } from '../access/process-access';
import type { ProcessStanding } from '../access/process-access.repository';

/**
 * A process's statistics are for exactly those who may see the process: of a private process or a
 * draft, others learn nothing, not even that it has any activity.
 */
export function maySeeStats(actor: Actor | null, process: ProcessFrame, standing: ProcessStanding): boolean {
  return maySeeProcess(actor, process, standing);
}
