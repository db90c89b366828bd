import type { Debate } from '@convergences/contracts';
import CampaignIcon from '@mui/icons-material/Campaign';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useState } from 'react';
import { Button, useRecordContext } from 'react-admin';
import { ConfirmButton } from '../common';
import { DebateNoticeDialog } from './DebateNoticeDialog';
import {
  toClosing,
  toNotice,
  validateClosing,
  validateInformationUpdate,
  type DebateNoticeValues,
} from './debateFormValues';
import { useDebateMutation } from './useDebateMutation';

/** Official debates, while open: one more information update, after the others. */
export const InformationUpdateButton = () => {
  const debate = useRecordContext<Debate>();
  const [open, setOpen] = useState(false);
  const add = useDebateMutation(
    (dataProvider, values: DebateNoticeValues) => dataProvider.addInformationUpdate(debate!.id, toNotice(values)),
    'app.debate.informationUpdateAddedNotice',
  );
  if (!debate || !debate.official || debate.state !== 'open') return null;
  return (
    <>
      <Button label="app.debate.addInformationUpdate" onClick={() => setOpen(true)}>
        <CampaignIcon />
      </Button>
      {open ? (
        <DebateNoticeDialog
          debate={debate}
          title="app.debate.informationUpdateTitle"
          explanation="app.debate.informationUpdateExplanation"
          saveLabel="app.debate.addInformationUpdate"
          labels={{
            fr: 'resources.debates.fields.informationUpdate_fr',
            en: 'resources.debates.fields.informationUpdate_en',
          }}
          validate={validateInformationUpdate}
          save={(values) => add.mutateAsync(values)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
};

/** Closes an open debate with its conclusions; on a closed one, amends them (its closing date stays). */
export const CloseDebateButton = () => {
  const debate = useRecordContext<Debate>();
  const [open, setOpen] = useState(false);
  const closed = debate?.state === 'closed';
  const close = useDebateMutation(
    (dataProvider, values: DebateNoticeValues) => dataProvider.closeDebate(debate!.id, toClosing(values)),
    closed ? 'app.debate.conclusionsAmendedNotice' : 'app.debate.closedNotice',
  );
  if (!debate) return null;
  const conclusions = debate.conclusions;
  return (
    <>
      <Button
        label={closed ? 'app.debate.amendConclusions' : 'app.debate.close'}
        onClick={() => setOpen(true)}
        color={closed ? 'primary' : 'warning'}
      >
        <LockIcon />
      </Button>
      {open ? (
        <DebateNoticeDialog
          debate={debate}
          title={closed ? 'app.debate.amendConclusionsTitle' : 'app.debate.closeTitle'}
          explanation={closed ? 'app.debate.amendConclusionsExplanation' : 'app.debate.closeExplanation'}
          saveLabel={closed ? 'app.debate.amendConclusions' : 'app.debate.closeConfirm'}
          labels={{ fr: 'resources.debates.fields.conclusions_fr', en: 'resources.debates.fields.conclusions_en' }}
          initialValues={conclusions ? { body: { fr: conclusions.fr ?? '', en: conclusions.en ?? '' } } : undefined}
          validate={validateClosing}
          save={(values) => close.mutateAsync(values)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
};

/** A closed debate opens again, its conclusions removed, once confirmed. */
export const ReopenDebateButton = () => {
  const debate = useRecordContext<Debate>();
  const reopen = useDebateMutation(
    (dataProvider, _: void) => dataProvider.reopenDebate(debate!.id),
    'app.debate.reopenedNotice',
  );
  if (!debate || debate.state !== 'closed') return null;
  return (
    <ConfirmButton
      label="app.debate.reopen"
      icon={<LockOpenIcon />}
      confirmation={{ title: 'app.debate.reopenTitle', content: 'app.debate.reopenExplanation' }}
      run={(settled) => reopen.mutate(undefined, { onSettled: settled })}
      pending={reopen.isPending}
    />
  );
};
