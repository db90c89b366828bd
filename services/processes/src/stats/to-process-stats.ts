import type { ProcessStats } from '@convergences/contracts';
import type { DailyStatsRow } from './stats.repository';

/**
 * The statistics a process's daily lines add up to. Supports standing are those given minus those
 * withdrawn; until both events of a support have been applied (two consumers run side by side, so
 * a withdrawal may be applied first) that difference could dip below zero, and reads as zero.
 */
export function toProcessStats(processId: string, lines: DailyStatsRow[]): ProcessStats {
  const sum = (pick: (line: DailyStatsRow) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    processId,
    participants: sum((l) => l.participants),
    proposals: sum((l) => l.proposals),
    supports: Math.max(0, sum((l) => l.supports) - sum((l) => l.supports_withdrawn)),
    comments: sum((l) => l.comments),
    debates: sum((l) => l.debates),
    daily: lines.map((l) => ({
      date: l.day,
      participants: l.participants,
      proposals: l.proposals,
      supports: l.supports,
      supportsWithdrawn: l.supports_withdrawn,
      comments: l.comments,
      debates: l.debates,
    })),
  };
}
