import LockIcon from '@mui/icons-material/Lock';
import { useRecordContext } from 'react-admin';
import { ConfirmButton } from '../common';
import type { Process } from '../types';
import { useProcessMutation } from './useProcessMutation';

/** `POST /processes/{id}/close`, once confirmed; shown for published processes. */
export const CloseButton = () => {
  const record = useRecordContext<Process>();
  const close = useProcessMutation(
    (dataProvider, id: Process['id']) => dataProvider.closeProcess(id),
    'app.process.closedNotice',
  );
  if (!record || record.status !== 'published') return null;
  return (
    <ConfirmButton
      label="app.process.close"
      icon={<LockIcon />}
      disabled={close.isPending}
      confirmation={{
        title: 'app.process.closeTitle',
        content: 'app.process.closeExplanation',
        confirm: 'app.process.close',
        confirmColor: 'warning',
      }}
      run={(settled) => close.mutate(record.id, { onSettled: settled })}
      pending={close.isPending}
    />
  );
};
