import { Box, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import {
  BooleanInput,
  Button,
  DateTimeInput,
  Form,
  SaveButton,
  TextInput,
  maxLength,
  required,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { FormSection, submissionErrorsOf } from '../../common';
import type { Phase, PhaseInput } from '../../types';
import { afterPhaseStart, startOfScheduledPhase } from '../processValidation';
import { useProcessMutation } from '../useProcessMutation';
import { defaultPhaseFormValues, formValuesOfPhase, toPhaseInput, type PhaseFormValues } from './phaseFormValues';
import { PhaseRulesInputs } from './PhaseRulesInputs';

export interface PhaseDialogProps {
  processId: Identifier;
  /** The phase to edit; none to add one (at the end). */
  phase?: Phase;
  onClose: () => void;
}

const half = { flex: '1 1 300px' } as const;

/** Adds or edits a phase: its texts, its dates and what it opens. */
export const PhaseDialog = ({ processId, phase, onClose }: PhaseDialogProps) => {
  const translate = useTranslate();
  const save = useProcessMutation(
    (dataProvider, input: PhaseInput) =>
      phase ? dataProvider.updatePhase(processId, phase.id, input) : dataProvider.createPhase(processId, input),
    phase ? 'app.phase.updatedNotice' : 'app.phase.createdNotice',
  );

  const submit = async (values: PhaseFormValues) => {
    try {
      await save.mutateAsync(toPhaseInput(values));
      onClose();
      return undefined;
    } catch (error) {
      return submissionErrorsOf(error);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="phase-dialog-title">
      <Form record={phase ? formValuesOfPhase(phase) : defaultPhaseFormValues} onSubmit={submit}>
        <DialogTitle id="phase-dialog-title">
          {translate(phase ? 'app.phase.editTitle' : 'app.phase.createTitle')}
        </DialogTitle>
        <DialogContent>
          <FormSection title="app.phase.textsSection">
            <TextInput
              source="title.fr"
              label="app.phase.fields.title_fr"
              validate={[required(), maxLength(150)]}
              sx={half}
            />
            <TextInput source="title.en" label="app.phase.fields.title_en" validate={maxLength(150)} sx={half} />
            <TextInput
              source="description.fr"
              label="app.phase.fields.description_fr"
              validate={maxLength(10_000)}
              multiline
              minRows={2}
              sx={half}
            />
            <TextInput
              source="description.en"
              label="app.phase.fields.description_en"
              validate={maxLength(10_000)}
              multiline
              minRows={2}
              sx={half}
            />
          </FormSection>
          <FormSection title="app.phase.datesSection" intro="app.phase.datesIntro">
            <DateTimeInput source="startsAt" label="app.phase.fields.startsAt" validate={startOfScheduledPhase} />
            <DateTimeInput source="endsAt" label="app.phase.fields.endsAt" validate={afterPhaseStart} />
            <Box sx={{ flex: '1 1 300px' }}>
              <BooleanInput
                source="autoActivate"
                label="app.phase.fields.autoActivate"
                helperText="app.phase.autoActivateHint"
              />
            </Box>
          </FormSection>
          <FormSection title="app.phase.rulesSection" intro="app.phase.rulesIntro">
            <PhaseRulesInputs />
          </FormSection>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} disabled={save.isPending} />
          <SaveButton />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
