import { Box, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, Form, SaveButton, useTranslate } from 'react-admin';
import { submissionErrorsOf } from '../common';

export interface ItemDialogProps<Values> {
  open: boolean;
  onClose: () => void;
  /** Translation key of the dialog's title, and its arguments. */
  title: string;
  titleArgs?: Record<string, unknown>;
  /** The values the form starts with. */
  values: Values;
  /** Sends the values; a rejection keeps the dialog open with the API's field errors by their inputs. */
  save: (values: Values) => Promise<unknown>;
  children: ReactNode;
}

/** A form in a dialog, for one item of a framework (a version's texts, a dimension, a criterion, an indicator). */
export function ItemDialog<Values extends object>({
  open,
  onClose,
  title,
  titleArgs,
  values,
  save,
  children,
}: ItemDialogProps<Values>) {
  const translate = useTranslate();
  const submit = async (submitted: Record<string, unknown>) => {
    try {
      await save(submitted as Values);
      onClose();
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="evaluation-item-dialog-title">
      {open ? (
        <Form record={values as Record<string, unknown>} onSubmit={submit} noValidate>
          <DialogTitle id="evaluation-item-dialog-title">{translate(title, titleArgs)}</DialogTitle>
          <DialogContent>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', pt: 1 }}>{children}</Box>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={onClose} />
            <SaveButton alwaysEnable />
          </DialogActions>
        </Form>
      ) : null}
    </Dialog>
  );
}
