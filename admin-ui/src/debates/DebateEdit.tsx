import type { Debate } from '@convergences/contracts';
import { Alert, Box } from '@mui/material';
import { Edit, Form, SaveButton, Toolbar, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { submissionErrorsOf } from '../common';
import { DebateInputs } from './DebateInputs';
import { DebateTitle } from './DebateTitle';
import { type DebateFormValues, formValuesOfDebate, toDebateUpdate, validateDebateUpdate } from './debateFormValues';
import { useDebateMutation } from './useDebateMutation';

/** Saves with `PATCH /debates/{id}`, checked with the contract as one types; the API's problems by field. */
const EditForm = () => {
  const record = useRecordContext<Debate>();
  const translate = useTranslate();
  const redirect = useRedirect();
  const update = useDebateMutation(
    (dataProvider, values: DebateFormValues) => dataProvider.updateDebate(record!.id, toDebateUpdate(values)),
    'app.debate.updatedNotice',
  );
  if (!record) return null;
  // The API edits official debates only, and only while they are open.
  if (!record.official || record.state !== 'open') {
    return <Alert severity="info">{translate('app.debate.notEditable')}</Alert>;
  }
  const submit = async (values: Partial<DebateFormValues>) => {
    try {
      await update.mutateAsync(values);
      redirect('show', 'debates', record.id);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Form
      record={formValuesOfDebate(record)}
      onSubmit={submit}
      validate={(values) => validateDebateUpdate(values as DebateFormValues)}
      mode="onChange"
      reValidateMode="onChange"
      noValidate
    >
      <Box sx={{ px: 2 }}>
        <DebateInputs />
      </Box>
      <Toolbar>
        <SaveButton />
      </Toolbar>
    </Form>
  );
};

export const DebateEdit = () => (
  <Edit<Debate> title={<DebateTitle />} mutationMode="pessimistic">
    <EditForm />
  </Edit>
);
