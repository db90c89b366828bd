import type { Debate } from '@convergences/contracts';
import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** Open (green) or closed with its conclusions (grey). */
export const DebateStateChip = (props: Partial<FieldProps<Debate>>) => {
  const record = useRecordContext<Debate>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.state === 'open' ? 'success' : 'default'}
      label={translate(`app.debate.state.${record.state}`, { _: record.state })}
    />
  );
};

/** Official (opened by the process's admins in the organiser's name) or a participant's. */
export const DebateOriginChip = (props: Partial<FieldProps<Debate>>) => {
  const record = useRecordContext<Debate>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.official ? 'primary' : 'default'}
      label={translate(record.official ? 'app.debate.origin.official' : 'app.debate.origin.participant')}
    />
  );
};
