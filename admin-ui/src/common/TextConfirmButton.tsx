import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { type ReactElement, type ReactNode, useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { problemMessage } from './problemMessage';

export interface TextConfirmButtonProps {
  /** Translation key of the button. */
  label: string;
  icon: ReactElement;
  color?: 'primary' | 'error';
  /** The dialog title's element id (unique on the page). */
  dialogId: string;
  /** The dialog's title, translated. */
  title: ReactNode;
  /** Translation key of what the dialog explains above the text. */
  explanation?: string;
  /** The typed text: its input's name, the translation key of its label, whether it is needed. */
  text: { name: string; label: string; required?: boolean };
  /** Translation key of the confirming button. */
  confirmLabel: string;
  /** Sends the typed text, trimmed; rejects with the API's problem, notified. */
  send: (text: string) => Promise<unknown>;
  /** Translation key notified once sent. */
  doneMessage: string;
  /** In a clickable row: the click opens the dialog, not the row. */
  stopPropagation?: boolean;
}

/** A button whose action is sent with a text (a reason, a justification) typed in a dialog, then refreshes the page. */
export const TextConfirmButton = ({
  label,
  icon,
  color = 'primary',
  dialogId,
  title,
  explanation,
  text,
  confirmLabel,
  send,
  doneMessage,
  stopPropagation = false,
}: TextConfirmButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [pending, setPending] = useState(false);

  const close = () => {
    setOpen(false);
    setValue('');
  };
  const confirm = async () => {
    setPending(true);
    try {
      await send(value.trim());
      notify(doneMessage, { type: 'success' });
      close();
      refresh();
    } catch (error) {
      notify(problemMessage(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        onClick={(event) => {
          if (stopPropagation) event.stopPropagation();
          setOpen(true);
        }}
        color={color}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby={dialogId}>
        <DialogTitle id={dialogId}>{title}</DialogTitle>
        <DialogContent>
          {explanation ? <DialogContentText>{translate(explanation)}</DialogContentText> : null}
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            name={text.name}
            label={translate(text.label)}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} disabled={pending} />
          <Button
            label={confirmLabel}
            onClick={confirm}
            disabled={pending || (!!text.required && !value.trim())}
            variant="contained"
            color={color}
          />
        </DialogActions>
      </Dialog>
    </>
  );
};
