import type { AdminPerson } from '@convergences/contracts';
import BlockIcon from '@mui/icons-material/Block';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiRequest } from '../dataProvider';

export const REASON_MIN = 10;
export const REASON_MAX = 1000;

/** Whether a justification is long enough and not too long, once trimmed. */
export const isValidReason = (reason: string): boolean => {
  const length = reason.trim().length;
  return length >= REASON_MIN && length <= REASON_MAX;
};

function useBlockAction(path: 'block' | 'unblock', notice: string) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const run = async (id: string, body?: unknown): Promise<boolean> => {
    setPending(true);
    try {
      await apiRequest<AdminPerson>(`/people/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
      notify(notice, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
}

/** `POST /people/{id}/block` with a justification typed in a dialog; shown for people not blocked. */
export const BlockButton = () => {
  const record = useRecordContext<AdminPerson>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [hideContent, setHideContent] = useState(false);
  const { run, pending } = useBlockAction('block', 'app.person.blockedNotice');
  if (!record || record.blocked) return null;

  const close = () => {
    setOpen(false);
    setReason('');
    setHideContent(false);
  };
  const confirm = async () => {
    if (await run(record.id, { reason: reason.trim(), hideContent })) close();
  };
  const tooShort = reason.length > 0 && !isValidReason(reason);

  return (
    <>
      <Button label="app.person.block" onClick={() => setOpen(true)} color="error" variant="contained">
        <BlockIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="block-person-title">
        <DialogTitle id="block-person-title">
          {translate('app.person.blockTitle', { nickname: record.nickname })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.person.blockExplanation')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            name="reason"
            label={translate('app.person.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={tooShort}
            helperText={translate('app.person.reasonHint', { min: REASON_MIN, max: REASON_MAX })}
            slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
          />
          <FormControlLabel
            control={<Checkbox checked={hideContent} onChange={(event) => setHideContent(event.target.checked)} />}
            label={translate('app.person.hideContent')}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={pending} />
          <Button
            label="app.person.confirmBlock"
            onClick={confirm}
            disabled={pending || !isValidReason(reason)}
            color="error"
            variant="contained"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** `POST /people/{id}/unblock`; shown for blocked people. */
export const UnblockButton = () => {
  const record = useRecordContext<AdminPerson>();
  const { run, pending } = useBlockAction('unblock', 'app.person.unblockedNotice');
  if (!record || !record.blocked) return null;
  return (
    <Button label="app.person.unblock" onClick={() => run(record.id)} disabled={pending} variant="contained">
      <LockOpenIcon />
    </Button>
  );
};
