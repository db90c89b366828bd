import type { Debate } from '@convergences/contracts';
import { Box, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { Button, Form, SaveButton, TextInput, useTranslate } from 'react-admin';
import { submissionErrorsOf } from '../common';
import type { DebateNoticeValues } from './debateFormValues';
import type { FieldErrors } from './contractFieldErrors';

export interface DebateNoticeDialogProps {
  debate: Debate;
  /** Message keys: the dialog's title, what it does, the save button. */
  title: string;
  explanation: string;
  saveLabel: string;
  /** Labels of the French and English inputs. */
  labels: { fr: string; en: string };
  initialValues?: DebateNoticeValues;
  validate: (values: DebateNoticeValues) => FieldErrors;
  save: (values: DebateNoticeValues) => Promise<unknown>;
  onClose: () => void;
}

/**
 * A text in French and, if wanted, English, written in a dialog about a debate: an information
 * update, or its conclusions. Checked with the contract as one types; the API's problems by field
 * (`conclusions` and `informationUpdate` are shown on the text they are about).
 */
export const DebateNoticeDialog = ({
  debate,
  title,
  explanation,
  saveLabel,
  labels,
  initialValues,
  validate,
  save,
  onClose,
}: DebateNoticeDialogProps) => {
  const translate = useTranslate();
  const titleId = `debate-notice-${debate.id}`;
  const submit = async (values: DebateNoticeValues) => {
    try {
      await save(values);
      onClose();
      return undefined;
    } catch (error) {
      const errors = submissionErrorsOf(error) as Record<string, unknown> | undefined;
      if (!errors) return undefined;
      const { conclusions, informationUpdate, ...rest } = errors;
      const body = conclusions ?? informationUpdate;
      return body ? { ...rest, body: typeof body === 'string' ? { fr: body } : body } : rest;
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <Form
        record={initialValues ?? {}}
        onSubmit={submit}
        validate={(values) => validate(values as DebateNoticeValues)}
        mode="onChange"
        reValidateMode="onChange"
        noValidate
      >
        <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(explanation)}</DialogContentText>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 1 }}>
            <TextInput source="body.fr" label={labels.fr} isRequired multiline minRows={4} sx={{ flex: '1 1 300px' }} />
            <TextInput source="body.en" label={labels.en} multiline minRows={4} sx={{ flex: '1 1 300px' }} />
          </Box>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={saveLabel} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
