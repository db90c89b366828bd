import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  NumberInput,
  SaveButton,
  TextInput,
  maxLength,
  minValue,
  regex,
  required,
  useTranslate,
} from 'react-admin';
import { submissionErrorsOf, useTranslatedText } from '../common';
import type { AnswerState, AnswerStateInput, AnswerStateUpdate, Process } from '../types';
import { useAnswerStates } from './answerStates';
import { useProposalMutation } from './useProposalMutation';

// The contract's rules (`createAnswerStateBodySchema`), checked as one types.
const labelFrValidation = [required(), maxLength(80)];
const labelEnValidation = maxLength(80);
const colourValidation = [required(), regex(/^#[0-9a-fA-F]{6}$/, 'app.answers.stateColourHint')];

/** The label as the API takes it: the English one only when there is one. */
const labelOf = (label: Partial<AnswerState['label']> | undefined): AnswerState['label'] => {
  const fr = label?.fr?.trim() ?? '';
  const en = label?.en?.trim();
  return en ? { fr, en } : { fr };
};

/** Changes a state's labels, colour or place in the list (`PATCH`); its key stays, answers refer to it. */
const EditAnswerStateDialog = ({
  process,
  state,
  count,
  onClose,
}: {
  process: Process;
  state: AnswerState;
  count: number;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const update = useProposalMutation(
    (dataProvider, changes: AnswerStateUpdate) => dataProvider.updateAnswerState(process.id, state.key, changes),
    'app.answers.stateUpdatedNotice',
  );
  const submit = async (values: Partial<AnswerState>) => {
    try {
      await update.mutateAsync({
        label: labelOf(values.label),
        colour: values.colour ?? '',
        position: Number(values.position ?? state.position),
      });
      onClose();
      return undefined;
    } catch (failure) {
      return submissionErrorsOf(failure);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="edit-answer-state-title">
      <Form record={{ ...state, label: { fr: state.label.fr, en: state.label.en ?? '' } }} onSubmit={submit}>
        <DialogTitle id="edit-answer-state-title">
          {translate('app.answers.editStateTitle', { key: state.key })}
        </DialogTitle>
        <DialogContent>
          <TextInput source="label.fr" label="app.answers.stateLabel_fr" validate={labelFrValidation} fullWidth />
          <TextInput source="label.en" label="app.answers.stateLabel_en" validate={labelEnValidation} fullWidth />
          <TextInput
            source="colour"
            label="app.answers.stateColour"
            helperText="app.answers.stateColourHint"
            validate={colourValidation}
            fullWidth
          />
          <NumberInput
            source="position"
            label="app.answers.statePosition"
            helperText="app.answers.statePositionHint"
            min={1}
            max={count}
            step={1}
            validate={[required(), minValue(1)]}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={update.isPending} />
          <SaveButton label="app.answers.saveState" icon={<SaveIcon />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** The process's own answer states: listed, added, changed, deleted. */
export const ProcessAnswerStates = ({ process }: { process: Process }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const { data: states, error } = useAnswerStates(process.id);
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<AnswerState | undefined>();
  const create = useProposalMutation(
    (dataProvider, input: AnswerStateInput) => dataProvider.createAnswerState(process.id, input),
    'app.answers.stateCreatedNotice',
  );
  const remove = useProposalMutation(
    (dataProvider, key: string) => dataProvider.deleteAnswerState(process.id, key),
    'app.answers.stateDeletedNotice',
  );
  const submit = async (values: Partial<AnswerStateInput>) => {
    try {
      await create.mutateAsync({ key: values.key ?? '', label: labelOf(values.label), colour: values.colour ?? '' });
      setFormKey((key) => key + 1);
      return undefined;
    } catch (failure) {
      return submissionErrorsOf(failure);
    }
  };
  return (
    <Box>
      <Typography variant="h6" component="h2">
        {translate('app.answers.states')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.answers.statesIntro')}
      </Typography>
      {error ? <Alert severity="error">{translate('app.answers.unavailable')}</Alert> : null}
      {states && states.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.answers.noStates')}
        </Typography>
      ) : null}
      {states && states.length > 0 ? (
        <Table size="small" aria-label={translate('app.answers.states')}>
          <TableBody>
            {states.map((state) => (
              <TableRow key={state.key}>
                <TableCell>
                  <Chip size="small" label={pick(state.label)} sx={{ bgcolor: state.colour, color: '#fff' }} />
                </TableCell>
                <TableCell>
                  <code>{state.key}</code>
                </TableCell>
                <TableCell align="right">
                  <Button
                    label="app.answers.editState"
                    size="small"
                    aria-label={translate('app.answers.editStateOf', { label: pick(state.label) })}
                    onClick={() => setEditing(state)}
                  >
                    <EditIcon />
                  </Button>
                  <Button
                    label="app.answers.deleteState"
                    color="error"
                    size="small"
                    aria-label={translate('app.answers.deleteStateOf', { label: pick(state.label) })}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(state.key)}
                  >
                    <DeleteIcon />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {editing && states ? (
        <EditAnswerStateDialog
          process={process}
          state={editing}
          count={states.length}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      <Form key={formKey} record={{ colour: '#6a1b9a' }} onSubmit={submit}>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', mt: 2 }}>
          <TextInput
            source="key"
            label="app.answers.stateKey"
            helperText="app.answers.stateKeyHint"
            validate={[required(), maxLength(40), regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'app.answers.stateKeyHint')]}
          />
          <TextInput source="label.fr" label="app.answers.stateLabel_fr" validate={labelFrValidation} />
          <TextInput source="label.en" label="app.answers.stateLabel_en" validate={labelEnValidation} />
          <TextInput
            source="colour"
            label="app.answers.stateColour"
            helperText="app.answers.stateColourHint"
            validate={colourValidation}
          />
          <SaveButton label="app.answers.addState" icon={<AddIcon />} sx={{ mt: 1 }} />
        </Box>
      </Form>
    </Box>
  );
};
