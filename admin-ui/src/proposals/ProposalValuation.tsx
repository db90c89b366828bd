import type { AdminPerson } from '@convergences/contracts';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Alert, Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useGetMany,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { submissionErrorsOf } from '../common';
import type { AppDataProvider } from '../dataProvider';
import { PersonReference, personName } from '../processes/PersonReference';
import type { Proposal, Valuation } from '../types';
import { useProposalMutation } from './useProposalMutation';

// The forms below sit in the proposal's record context: without a record of their own they
// would start from the proposal's fields (its `body` in the note).
const newNote = { body: '' };
const noValuatorChosen = { personId: '' };

/** The process's valuators (`GET /processes/{id}/roles`), with their names. */
function useProcessValuators(processId: string) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: roles } = useQuery({
    queryKey: ['processes', 'roles', processId],
    queryFn: () => dataProvider.getProcessRoles(processId).then(({ data }) => data),
  });
  const ids = [...new Set((roles ?? []).filter((role) => role.role === 'valuator').map((role) => role.personId))];
  const { data: people } = useGetMany<AdminPerson>('people', { ids }, { enabled: ids.length > 0 });
  return { roles, people: ids.length === 0 ? [] : people };
}

const AssignValuatorForm = ({ proposal, valuation }: { proposal: Proposal; valuation: Valuation }) => {
  const translate = useTranslate();
  const [formKey, setFormKey] = useState(0);
  const { roles, people } = useProcessValuators(proposal.processId);
  const assign = useProposalMutation(
    (dataProvider, personId: string) => dataProvider.assignValuator(proposal.id, personId),
    'app.valuation.assignedNotice',
  );
  const assigned = new Set(valuation.valuators.map((valuator) => valuator.personId));
  const choices = (people ?? [])
    .filter((person) => !assigned.has(person.id))
    .map((person) => ({ id: person.id, name: personName(person) }));
  if (roles && choices.length === 0 && assigned.size === 0) {
    return <Alert severity="info">{translate('app.valuation.noValuator')}</Alert>;
  }
  if (choices.length === 0) return null;
  const submit = async (values: { personId?: string }) => {
    try {
      await assign.mutateAsync(values.personId!);
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Form key={formKey} record={noValuatorChosen} onSubmit={submit}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <SelectInput
          source="personId"
          label="app.valuation.valuator"
          choices={choices}
          validate={required()}
          sx={{ flex: '1 1 320px' }}
        />
        <SaveButton label="app.valuation.assign" icon={<PersonAddIcon />} sx={{ mt: 1 }} />
      </Box>
    </Form>
  );
};

const UnassignButton = ({ proposalId, personId }: { proposalId: string; personId: string }) => {
  const unassign = useProposalMutation(
    (dataProvider, _: void) => dataProvider.unassignValuator(proposalId, personId),
    'app.valuation.unassignedNotice',
  );
  return (
    <Button
      label="app.valuation.unassign"
      color="error"
      size="small"
      disabled={unassign.isPending}
      onClick={() => unassign.mutate()}
    >
      <PersonRemoveIcon />
    </Button>
  );
};

/** Who is in charge of studying the proposal, and the form to put a valuator in charge. */
export const ProposalValuators = ({ proposal, valuation }: { proposal: Proposal; valuation: Valuation }) => {
  const translate = useTranslate();
  return (
    <Box>
      {valuation.valuators.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.valuation.none')}
        </Typography>
      ) : (
        <List dense aria-label={translate('app.valuation.valuators')}>
          {valuation.valuators.map((valuator) => (
            <ListItem
              key={valuator.personId}
              disableGutters
              secondaryAction={<UnassignButton proposalId={proposal.id} personId={valuator.personId} />}
            >
              <ListItemText primary={<PersonReference personId={valuator.personId} />} />
            </ListItem>
          ))}
        </List>
      )}
      <AssignValuatorForm proposal={proposal} valuation={valuation} />
    </Box>
  );
};

/** The private notes of the admins and valuators on the proposal, and the form to add one. */
export const ProposalNotes = ({ proposal, valuation }: { proposal: Proposal; valuation: Valuation }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [formKey, setFormKey] = useState(0);
  const add = useProposalMutation(
    (dataProvider, body: string) => dataProvider.addValuationNote(proposal.id, body),
    'app.valuation.noteAddedNotice',
  );
  const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const submit = async (values: { body?: string }) => {
    try {
      await add.mutateAsync(values.body ?? '');
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {translate('app.valuation.notesIntro')}
      </Typography>
      {valuation.notes.length > 0 ? (
        <List dense aria-label={translate('app.valuation.notes')}>
          {valuation.notes.map((note) => (
            <ListItem key={note.id} disableGutters>
              <ListItemText
                primary={note.body}
                secondary={`${note.authorName} — ${format.format(new Date(note.createdAt))}`}
                slotProps={{ primary: { sx: { whiteSpace: 'pre-line' } } }}
              />
            </ListItem>
          ))}
        </List>
      ) : null}
      <Form key={formKey} record={newNote} onSubmit={submit}>
        <TextInput
          source="body"
          label="app.valuation.note"
          multiline
          minRows={2}
          validate={[required(), maxLength(5_000)]}
          fullWidth
        />
        <SaveButton label="app.valuation.addNote" icon={<NoteAddIcon />} />
      </Form>
    </Box>
  );
};
