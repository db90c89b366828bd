import type { Process, ProcessStatsCounts } from '@convergences/contracts';
import { Box, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { useMemo } from 'react';
import { useLocaleState, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { chartDays } from './chartDays';
import { useProcessStats } from './useProcessStats';

const totals: (keyof ProcessStatsCounts)[] = ['participants', 'proposals', 'supports', 'comments', 'debates'];
const series = [...totals, 'supportsWithdrawn'] as const;

export interface ProcessStatsPanelProps {
  /** The process; by default the record in context (a process show or edit page). */
  processId?: Identifier;
}

/** A process's participation: its five totals, then a line per count and per day (Paris days). */
export const ProcessStatsPanel = ({ processId }: ProcessStatsPanelProps) => {
  const record = useRecordContext<Process>();
  const id = processId ?? record?.id;
  const translate = useTranslate();
  const [locale = 'fr'] = useLocaleState();
  const { data: stats, isPending, error } = useProcessStats(id);
  const days = useMemo(() => chartDays(stats?.daily ?? []), [stats]);
  const dayLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
  }, [locale]);

  if (id === undefined) return null;
  if (error) return <Typography color="error">{translate('app.stats.unavailable')}</Typography>;

  return (
    <Box component="section" aria-label={translate('app.stats.title')} sx={{ width: '100%' }}>
      <Typography variant="h6" gutterBottom>
        {translate('app.stats.title')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        {totals.map((count) => (
          <Card key={count} variant="outlined" sx={{ minWidth: 140 }} data-stat={count}>
            <CardContent>
              <Typography variant="body2" color="text.secondary">
                {translate(`app.stats.${count}`)}
              </Typography>
              <Typography variant="h4" component="p">
                {isPending ? <Skeleton width={48} /> : stats[count].toLocaleString(locale)}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Stack>
      {!isPending && days.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.stats.noActivity')}
        </Typography>
      )}
      {days.length > 0 && (
        <LineChart
          height={320}
          dataset={days}
          xAxis={[{ dataKey: 'date', scaleType: 'point', valueFormatter: dayLabel }]}
          yAxis={[{ min: 0, tickMinStep: 1 }]}
          series={series.map((count) => ({
            dataKey: count,
            label: translate(`app.stats.daily.${count}`),
            curve: 'linear' as const,
            showMark: days.length <= 31,
          }))}
        />
      )}
      <Typography variant="caption" color="text.secondary">
        {translate('app.stats.note')}
      </Typography>
    </Box>
  );
};
