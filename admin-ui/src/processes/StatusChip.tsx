import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import type { Process } from '../types';

export const statusChoices = [
  { id: 'draft', name: 'app.process.status.draft' },
  { id: 'published', name: 'app.process.status.published' },
];

/** The process's status as a chip: grey for a draft, green once published. */
export const StatusChip = (props: Partial<FieldProps<Process>>) => {
  const record = useRecordContext<Process>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      label={translate(`app.process.status.${record.status}`, { _: record.status })}
      color={record.status === 'published' ? 'success' : 'default'}
      variant={record.status === 'published' ? 'filled' : 'outlined'}
    />
  );
};
