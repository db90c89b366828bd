import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import type { Process } from '../types';

const looks = {
  draft: { color: 'default', variant: 'outlined' },
  published: { color: 'success', variant: 'filled' },
  closed: { color: 'default', variant: 'filled' },
} as const;

/** The process's status as a chip: outlined for a draft, green once published, grey once closed. */
export const StatusChip = (props: Partial<FieldProps<Process>>) => {
  const record = useRecordContext<Process>(props);
  const translate = useTranslate();
  if (!record) return null;
  const look = looks[record.status] ?? looks.draft;
  return (
    <Chip
      size="small"
      label={translate(`app.process.status.${record.status}`, { _: record.status })}
      color={look.color}
      variant={look.variant}
    />
  );
};

/** Public or private (invited people only). */
export const VisibilityChip = (props: Partial<FieldProps<Process>>) => {
  const record = useRecordContext<Process>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.visibility === 'private' ? 'warning' : 'default'}
      label={translate(`app.process.visibility.${record.visibility}`, { _: record.visibility })}
    />
  );
};
