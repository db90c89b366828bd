import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { type ReactElement, type ReactNode, useEffect, useState } from 'react';
import {
  Form,
  type Identifier,
  ReferenceField,
  SaveButton,
  TextField,
  Title,
  useGetOne,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { type FieldValues, useWatch } from 'react-hook-form';
import type { Process } from '../types';
import { submissionErrorsOf } from './problemMessage';

/** Tells the page which process the form has chosen (its `processId`), for what depends on it. */
const ChosenProcess = ({ onChange }: { onChange: (process: Process | undefined) => void }) => {
  const processId = useWatch<{ processId?: string | null }, 'processId'>({ name: 'processId' });
  const { data } = useGetOne<Process>('processes', { id: processId! }, { enabled: !!processId });
  const chosen = processId && data?.id === processId ? data : undefined;
  useEffect(() => onChange(chosen), [chosen, onChange]);
  return null;
};

/** Translation keys of what the page says of the chosen process's organizer. */
export interface InTheNameOfMessages {
  /** The process is closed: nothing can be created in it. */
  closed: string;
  /** The process has no organizer to create it in the name of. */
  noOrganizer: string;
  /** Put before the organizer's name. */
  inTheNameOf: string;
}

/** In whose name it will be created, or why the process takes none. */
const InTheNameOf = ({ process, messages }: { process: Process; messages: InTheNameOfMessages }) => {
  const translate = useTranslate();
  if (process.status === 'closed') return <Alert severity="warning">{translate(messages.closed)}</Alert>;
  if (!process.organizerId) return <Alert severity="warning">{translate(messages.noOrganizer)}</Alert>;
  return (
    <Alert severity="info">
      {translate(messages.inTheNameOf)}{' '}
      <ReferenceField record={process} source="organizerId" reference="organizations" link={false}>
        <TextField source="name" sx={{ fontWeight: 600 }} />
      </ReferenceField>
    </Alert>
  );
};

export interface CreateInProcessPageProps<Values extends FieldValues> {
  /** Translation key of the page's title (also the form's accessible name). */
  title: string;
  /** Translation key of the sentence above the form. */
  intro: string;
  /** The resource whose page opens once created. */
  resource: string;
  /** Creates it in the chosen process; rejects with the API's problem, shown field by field. */
  create: (values: Partial<Values>, process: Process | undefined) => Promise<{ data: { id: Identifier } }>;
  /** Checks the values as one types, knowing the chosen process. */
  validate: (values: Values, process: Process | undefined) => Record<string, unknown>;
  defaultValues?: Partial<Values>;
  inTheNameOf: InTheNameOfMessages;
  /** The input that chooses the process (`processId`). */
  processInput: ReactElement;
  /** The other inputs, knowing the chosen process. */
  children: (process: Process | undefined) => ReactNode;
  saveLabel: string;
  saveIcon: ReactElement;
}

/**
 * A page that creates something in a process chosen in its form, in the name of the process's
 * organizer: checked as one types, the API's problems shown field by field, the new thing's page
 * opened once it is created.
 */
export function CreateInProcessPage<Values extends FieldValues>({
  title,
  intro,
  resource,
  create,
  validate,
  defaultValues,
  inTheNameOf,
  processInput,
  children,
  saveLabel,
  saveIcon,
}: CreateInProcessPageProps<Values>) {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [process, setProcess] = useState<Process | undefined>();
  const submit = async (values: FieldValues) => {
    try {
      const { data } = await create(values as Partial<Values>, process);
      redirect('show', resource, data.id);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={title} />
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(intro)}
          </Typography>
          <Form
            defaultValues={defaultValues}
            onSubmit={submit}
            validate={(values) => validate(values as Values, process)}
            mode="onChange"
            reValidateMode="onChange"
            noValidate
          >
            <Box component="section" aria-label={translate(title)}>
              <ChosenProcess onChange={setProcess} />
              {processInput}
              {process ? <InTheNameOf process={process} messages={inTheNameOf} /> : null}
              {children(process)}
              <Box sx={{ mt: 2 }}>
                <SaveButton label={saveLabel} icon={saveIcon} />
              </Box>
            </Box>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
}
