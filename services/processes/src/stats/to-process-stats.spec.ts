import { processStatsSchema } from '@convergences/contracts';
import type { DailyStatsRow } from './stats.repository';
import { toProcessStats } from './to-process-stats';

const processId = '01900000-0000-7000-8000-0000000000aa';
const line = (day: string, counts: Partial<Omit<DailyStatsRow, 'process_id' | 'day'>>): DailyStatsRow => ({
  process_id: processId,
  day,
  participants: 0,
  proposals: 0,
  supports: 0,
  supports_withdrawn: 0,
  comments: 0,
  debates: 0,
  ...counts,
});

describe('toProcessStats', () => {
  it('answers zeros and no days for a process nobody took part in', () => {
    expect(toProcessStats(processId, [])).toEqual({
      processId,
      participants: 0,
      proposals: 0,
      supports: 0,
      comments: 0,
      debates: 0,
      daily: [],
    });
  });

  it('adds the days up, supports standing being those given minus those withdrawn', () => {
    const stats = toProcessStats(processId, [
      line('2026-03-01', { participants: 2, proposals: 1, supports: 3 }),
      line('2026-03-02', { participants: 1, supports: 1, supports_withdrawn: 2, comments: 4, debates: 1 }),
    ]);
    expect(stats).toMatchObject({ participants: 3, proposals: 1, supports: 2, comments: 4, debates: 1 });
    expect(stats.daily).toEqual([
      { date: '2026-03-01', participants: 2, proposals: 1, supports: 3, supportsWithdrawn: 0, comments: 0, debates: 0 },
      { date: '2026-03-02', participants: 1, proposals: 0, supports: 1, supportsWithdrawn: 2, comments: 4, debates: 1 },
    ]);
    expect(processStatsSchema.parse(stats)).toEqual(stats);
  });

  it('never answers fewer than zero supports, even while a withdrawal is counted before its support', () => {
    const stats = toProcessStats(processId, [line('2026-03-02', { supports_withdrawn: 1 })]);
    expect(stats.supports).toBe(0);
    expect(processStatsSchema.safeParse(stats).success).toBe(true);
  });
});
