import type { Verification } from '@convergences/contracts';
import RemoveCircleIcon from '@mui/icons-material/RemoveCircle';
import { Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiRequest } from '../dataProvider';

/** `DELETE /verifications/{id}` with a reason typed in a dialog; shown for unrevoked verifications. */
export const RevokeButton = () => {
  const record = useRecordContext<Verification>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState('');
  if (!record || record.revokedAt) return null;

  const close = () => {
    setOpen(false);
    setReason('');
  };
  const confirm = async () => {
    setPending(true);
    try {
      await apiRequest<Verification>(`/verifications/${encodeURIComponent(record.id)}`, {
        method: 'DELETE',
        body: { reason: reason.trim() },
      });
      notify('app.verification.revokedNotice', { type: 'success' });
      refresh();
      close();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="app.verification.revoke" onClick={() => setOpen(true)} color="error">
        <RemoveCircleIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="revoke-verification-title">
        <DialogTitle id="revoke-verification-title">
          {translate('app.verification.revokeTitle', { name: record.personName })}
        </DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            name="reason"
            label={translate('resources.verifications.fields.revokeReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={pending} />
          <Button
            label="app.verification.confirmRevoke"
            onClick={confirm}
            disabled={pending || !reason.trim()}
            color="error"
            variant="contained"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
