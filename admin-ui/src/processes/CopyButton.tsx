import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  TextInput,
  maxLength,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { submissionErrorsOf, useTranslatedText } from '../common';
import type { Process, ProcessCopyInput } from '../types';
import { slugValidation } from './processValidation';
import { useProcessMutation } from './useProcessMutation';

interface CopyValues {
  title?: { fr?: string | null; en?: string | null };
  slug?: string | null;
}

/** `POST /processes/{id}/copy`: a new draft with the same settings, themes and phases; opens it. */
export const CopyButton = () => {
  const record = useRecordContext<Process>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const copy = useProcessMutation(
    (dataProvider, { id, input }: { id: Process['id']; input: ProcessCopyInput }) =>
      dataProvider.copyProcess(id, input),
    'app.process.copiedNotice',
  );
  if (!record) return null;

  const submit = async (values: CopyValues) => {
    const fr = values.title?.fr?.trim();
    const en = values.title?.en?.trim();
    const slug = values.slug?.trim();
    const input: ProcessCopyInput = {
      ...(fr ? { title: { fr, ...(en ? { en } : {}) } } : {}),
      ...(slug ? { slug } : {}),
    };
    try {
      const { data } = await copy.mutateAsync({ id: record.id, input });
      setOpen(false);
      redirect('show', 'processes', data.id);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };

  const suggestedTitle = translate('app.process.copyOf', { title: pick(record.title) });
  return (
    <>
      <Button label="app.process.copy" onClick={() => setOpen(true)}>
        <ContentCopyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="copy-process-title">
        <Form record={{ title: { fr: suggestedTitle } }} onSubmit={submit}>
          <DialogTitle id="copy-process-title">{translate('app.process.copyTitle')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate('app.process.copyExplanation')}</DialogContentText>
            <TextInput
              source="title.fr"
              label="resources.processes.fields.title_fr"
              validate={maxLength(200)}
              fullWidth
            />
            <TextInput source="slug" helperText="app.process.slugHint" validate={slugValidation} fullWidth />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={copy.isPending} />
            <SaveButton label="app.process.copy" icon={<ContentCopyIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
