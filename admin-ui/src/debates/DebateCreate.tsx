import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Form, ReferenceField, SaveButton, TextField, Title, useGetOne, useRedirect, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { submissionErrorsOf } from '../common';
import type { Process } from '../types';
import { DebateInputs } from './DebateInputs';
import { DebateProcessInput } from './DebateProcessInput';
import { type DebateFormValues, toOfficialDebateInput, validateOfficialDebate } from './debateFormValues';
import { useDebateMutation } from './useDebateMutation';

/** Tells the page which process the form has chosen, for what depends on it. */
const ChosenProcess = ({ onChange }: { onChange: (process: Process | undefined) => void }) => {
  const processId = useWatch<DebateFormValues, 'processId'>({ name: 'processId' });
  const { data } = useGetOne<Process>('processes', { id: processId! }, { enabled: !!processId });
  const chosen = processId && data?.id === processId ? data : undefined;
  useEffect(() => onChange(chosen), [chosen, onChange]);
  return null;
};

/** In whose name it will be opened, or why the process takes none. */
const OpenedAs = ({ process }: { process: Process }) => {
  const translate = useTranslate();
  if (process.status === 'closed') return <Alert severity="warning">{translate('app.debate.processClosed')}</Alert>;
  if (!process.organizerId) return <Alert severity="warning">{translate('app.debate.noOrganizer')}</Alert>;
  return (
    <Alert severity="info">
      {translate('app.debate.openedAs')}{' '}
      <ReferenceField record={process} source="organizerId" reference="organizations" link={false}>
        <TextField source="name" sx={{ fontWeight: 600 }} />
      </ReferenceField>
    </Alert>
  );
};

/**
 * A process's admin opens an official debate (`POST /processes/{id}/debates`, `official: true`):
 * checked as one types with the contract's own schema, the API's problems shown field by field;
 * its page opens once it is open.
 */
export const DebateCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [process, setProcess] = useState<Process | undefined>();
  const create = useDebateMutation(
    (dataProvider, values: DebateFormValues) =>
      dataProvider.createOfficialDebate(values.processId!, toOfficialDebateInput(values)),
    'app.debate.createdNotice',
  );
  const submit = async (values: Partial<DebateFormValues>) => {
    try {
      const { data } = await create.mutateAsync(values);
      redirect('show', 'debates', data.id);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.debate.createTitle" />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.debate.createIntro')}
          </Typography>
          <Form
            onSubmit={submit}
            validate={(values) => validateOfficialDebate(values as DebateFormValues)}
            mode="onChange"
            reValidateMode="onChange"
            noValidate
          >
            <Box component="section" aria-label={translate('app.debate.createTitle')}>
              <ChosenProcess onChange={setProcess} />
              <DebateProcessInput sx={{ width: '100%', maxWidth: 640 }} />
              {process ? <OpenedAs process={process} /> : null}
              <DebateInputs />
              <Box sx={{ mt: 2 }}>
                <SaveButton label="app.debate.save" icon={<AddIcon />} />
              </Box>
            </Box>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
