import type { ProcessStatsDay } from '@convergences/contracts';

const nextDay = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

/** The daily lines from the first day to the last, quiet days included as zeros, so the chart's axis keeps time. */
export function chartDays(daily: ProcessStatsDay[]): ProcessStatsDay[] {
  if (daily.length === 0) return [];
  const byDate = new Map(daily.map((line) => [line.date, line]));
  const last = daily[daily.length - 1].date;
  const days: ProcessStatsDay[] = [];
  for (let date = daily[0].date; date <= last; date = nextDay(date)) {
    days.push(
      byDate.get(date) ?? {
        date,
        participants: 0,
        proposals: 0,
        supports: 0,
        supportsWithdrawn: 0,
        comments: 0,
        debates: 0,
      },
    );
  }
  return days;
}
