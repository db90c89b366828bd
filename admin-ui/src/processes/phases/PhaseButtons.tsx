import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { Button, Confirm, useTranslate } from 'react-admin';
import { ConfirmButton, useTranslatedText } from '../../common';
import type { Phase } from '../../types';
import { useProcessMutation } from '../useProcessMutation';
import { PhaseDialog } from './PhaseDialog';

interface PhaseButtonProps {
  phase: Phase;
  /** Nothing changes in a closed process. */
  disabled?: boolean;
}

/** `POST /processes/{id}/phases/{phaseId}/activate`, once confirmed; shown for inactive phases. */
export const ActivatePhaseButton = ({ phase, disabled }: PhaseButtonProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const activate = useProcessMutation(
    (dataProvider, _: void) => dataProvider.activatePhase(phase.processId, phase.id),
    'app.phase.activatedNotice',
  );
  if (phase.active) return null;
  const title = pick(phase.title);
  return (
    <ConfirmButton
      label="app.phase.activate"
      aria-label={translate('app.phase.activateNamed', { title })}
      icon={<PlayArrowIcon />}
      disabled={disabled || activate.isPending}
      variant="contained"
      size="small"
      confirmation={{
        title: 'app.phase.activateTitle',
        titleTranslateOptions: { title },
        content: 'app.phase.activateExplanation',
        confirm: 'app.phase.activate',
      }}
      run={(settled) => activate.mutate(undefined, { onSettled: settled })}
      pending={activate.isPending}
    />
  );
};

/** Opens the phase's dialog. */
export const EditPhaseButton = ({ phase, disabled }: PhaseButtonProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Button
        label="ra.action.edit"
        aria-label={translate('app.phase.editNamed', { title: pick(phase.title) })}
        onClick={() => setEditing(true)}
        disabled={disabled}
        size="small"
      >
        <EditIcon />
      </Button>
      {editing ? <PhaseDialog processId={phase.processId} phase={phase} onClose={() => setEditing(false)} /> : null}
    </>
  );
};

/** `DELETE /processes/{id}/phases/{phaseId}`, once confirmed. */
export const DeletePhaseButton = ({ phase, disabled }: PhaseButtonProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const [confirming, setConfirming] = useState(false);
  const remove = useProcessMutation(
    (dataProvider, _: void) => dataProvider.deletePhase(phase.processId, phase.id),
    'app.phase.deletedNotice',
  );
  const title = pick(phase.title);
  return (
    <>
      <Button
        label="ra.action.delete"
        aria-label={translate('app.phase.deleteNamed', { title })}
        onClick={() => setConfirming(true)}
        disabled={disabled || remove.isPending}
        color="error"
        size="small"
      >
        <DeleteIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={remove.isPending}
        title="app.phase.deleteTitle"
        titleTranslateOptions={{ title }}
        content={phase.active ? 'app.phase.deleteActiveExplanation' : 'app.phase.deleteExplanation'}
        confirmColor="warning"
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
