import type { Moderation } from '@convergences/contracts';
import RestoreIcon from '@mui/icons-material/Restore';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import DoneIcon from '@mui/icons-material/Done';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { apiRequest } from '../dataProvider';

type Decision = 'hide' | 'unhide' | 'dismiss';

const icons: Record<Decision, ReactElement> = {
  hide: <VisibilityOffIcon />,
  unhide: <RestoreIcon />,
  dismiss: <DoneIcon />,
};

/** One decision on a moderation, `POST /moderations/{id}/<decision>`, with an optional justification typed in a dialog. */
function DecisionButton({ decision }: { decision: Decision }) {
  const record = useRecordContext<Moderation>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [justification, setJustification] = useState('');
  const [pending, setPending] = useState(false);
  if (!record) return null;

  const close = () => {
    setOpen(false);
    setJustification('');
  };
  const confirm = async () => {
    setPending(true);
    try {
      const text = justification.trim();
      await apiRequest<Moderation>(`/moderations/${encodeURIComponent(record.id)}/${decision}`, {
        method: 'POST',
        body: text ? { justification: text } : {},
      });
      notify(`app.moderation.${decision}Done`, { type: 'success' });
      close();
      refresh();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  const titleId = `moderation-${decision}-${record.id}`;

  return (
    <>
      <Button
        label={`app.moderation.${decision}`}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        color={decision === 'hide' ? 'error' : 'primary'}
      >
        {icons[decision]}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{translate(`app.moderation.${decision}Title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`app.moderation.${decision}Explanation`)}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            name="justification"
            label={translate('app.moderation.justification')}
            value={justification}
            onChange={(event) => setJustification(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={pending} />
          <Button
            label={`app.moderation.${decision}Confirm`}
            onClick={confirm}
            disabled={pending}
            variant="contained"
            color={decision === 'hide' ? 'error' : 'primary'}
          />
        </DialogActions>
      </Dialog>
    </>
  );
}

/** What a moderator may decide on a moderation now: hide what is shown, show what is hidden, dismiss pending reports. */
export const ModerationButtons = () => {
  const record = useRecordContext<Moderation>();
  if (!record) return null;
  const content = record.resourceType !== 'person';
  return (
    <>
      {content && record.state !== 'hidden' ? <DecisionButton decision="hide" /> : null}
      {content && record.state === 'hidden' ? <DecisionButton decision="unhide" /> : null}
      {record.reportsCount > 0 ? <DecisionButton decision="dismiss" /> : null}
    </>
  );
};
