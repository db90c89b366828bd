import LockIcon from '@mui/icons-material/Lock';
import { useState } from 'react';
import { Button, Confirm, useRecordContext } from 'react-admin';
import type { Process } from '../types';
import { useProcessMutation } from './useProcessMutation';

/** `POST /processes/{id}/close`, once confirmed; shown for published processes. */
export const CloseButton = () => {
  const record = useRecordContext<Process>();
  const [confirming, setConfirming] = useState(false);
  const close = useProcessMutation(
    (dataProvider, id: Process['id']) => dataProvider.closeProcess(id),
    'app.process.closedNotice',
  );
  if (!record || record.status !== 'published') return null;
  return (
    <>
      <Button label="app.process.close" onClick={() => setConfirming(true)} disabled={close.isPending}>
        <LockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={close.isPending}
        title="app.process.closeTitle"
        content="app.process.closeExplanation"
        confirm="app.process.close"
        confirmColor="warning"
        onConfirm={() => close.mutate(record.id, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
