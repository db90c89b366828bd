import type { ProgressAction, ProgressActionStatus } from '@convergences/contracts';
import { Chip, Stack } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** Where an action stands, and whether it is overdue. */
export const ProgressStatusField = (props: Partial<FieldProps<ProgressAction>>) => {
  const record = useRecordContext<ProgressAction>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5 }}>
      <ActionStatusChip status={record.status} />
      {record.overdue ? <Chip size="small" color="error" label={translate('app.evaluation.progress.overdue')} /> : null}
    </Stack>
  );
};

export const progressStatusChoices = (['planned', 'in_progress', 'done', 'dropped'] as const).map((status) => ({
  id: status,
  name: `app.evaluation.actionStatus.${status}`,
}));

const statusColours: Record<ProgressActionStatus, 'default' | 'info' | 'success' | 'warning'> = {
  planned: 'default',
  in_progress: 'info',
  done: 'success',
  dropped: 'warning',
};

/** Planned, in progress, done or dropped. */
export const ActionStatusChip = ({ status }: { status: ProgressActionStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" color={statusColours[status]} label={translate(`app.evaluation.actionStatus.${status}`)} />;
};
