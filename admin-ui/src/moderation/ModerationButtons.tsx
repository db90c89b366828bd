import type { Moderation } from '@convergences/contracts';
import RestoreIcon from '@mui/icons-material/Restore';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import DoneIcon from '@mui/icons-material/Done';
import type { ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { TextConfirmButton } from '../common';
import { apiRequest } from '../dataProvider';

type Decision = 'hide' | 'unhide' | 'dismiss';

const icons: Record<Decision, ReactElement> = {
  hide: <VisibilityOffIcon />,
  unhide: <RestoreIcon />,
  dismiss: <DoneIcon />,
};

/** One decision on a moderation, `POST /moderations/{id}/<decision>`, with an optional justification typed in a dialog. */
function DecisionButton({ decision }: { decision: Decision }) {
  const record = useRecordContext<Moderation>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <TextConfirmButton
      label={`app.moderation.${decision}`}
      icon={icons[decision]}
      color={decision === 'hide' ? 'error' : 'primary'}
      dialogId={`moderation-${decision}-${record.id}`}
      title={translate(`app.moderation.${decision}Title`)}
      explanation={`app.moderation.${decision}Explanation`}
      text={{ name: 'justification', label: 'app.moderation.justification' }}
      confirmLabel={`app.moderation.${decision}Confirm`}
      send={(justification) =>
        apiRequest<Moderation>(`/moderations/${encodeURIComponent(record.id)}/${decision}`, {
          method: 'POST',
          body: justification ? { justification } : {},
        })
      }
      doneMessage={`app.moderation.${decision}Done`}
      stopPropagation
    />
  );
}

/** What a moderator may decide on a moderation now: hide what is shown, show what is hidden, dismiss pending reports. */
export const ModerationButtons = () => {
  const record = useRecordContext<Moderation>();
  if (!record) return null;
  const content = record.resourceType !== 'person';
  return (
    <>
      {content && record.state !== 'hidden' ? <DecisionButton decision="hide" /> : null}
      {content && record.state === 'hidden' ? <DecisionButton decision="unhide" /> : null}
      {record.reportsCount > 0 ? <DecisionButton decision="dismiss" /> : null}
    </>
  );
};
