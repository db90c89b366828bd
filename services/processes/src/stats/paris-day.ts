/** The platform's people are in France: a statistics day runs from midnight to midnight in Paris. */
export const STATS_TIME_ZONE = 'Europe/Paris';

const calendarDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: STATS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Paris calendar day (`YYYY-MM-DD`) of an instant, whatever offset it is written with. */
export function parisDay(instant: string | Date): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const parts = calendarDay.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
