import { Chip } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import type { AdminPerson } from '@convergences/contracts';

export const blockedChoices = [
  { id: 'true', name: 'app.person.blockState.blocked' },
  { id: 'false', name: 'app.person.blockState.active' },
];

/** Whether the person is blocked, as a chip: red when blocked. */
export const BlockStateChip = (props: Partial<FieldProps<AdminPerson>>) => {
  const record = useRecordContext<AdminPerson>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      label={translate(record.blocked ? 'app.person.blockState.blocked' : 'app.person.blockState.active')}
      color={record.blocked ? 'error' : 'success'}
      variant={record.blocked ? 'filled' : 'outlined'}
    />
  );
};
