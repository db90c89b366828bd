import type { Verification } from '@convergences/contracts';
import RemoveCircleIcon from '@mui/icons-material/RemoveCircle';
import { useRecordContext, useTranslate } from 'react-admin';
import { TextConfirmButton } from '../common';
import { apiRequest } from '../dataProvider';

/** `DELETE /verifications/{id}` with a reason typed in a dialog; shown for unrevoked verifications. */
export const RevokeButton = () => {
  const record = useRecordContext<Verification>();
  const translate = useTranslate();
  if (!record || record.revokedAt) return null;
  return (
    <TextConfirmButton
      label="app.verification.revoke"
      icon={<RemoveCircleIcon />}
      color="error"
      dialogId="revoke-verification-title"
      title={translate('app.verification.revokeTitle', { name: record.personName })}
      text={{ name: 'reason', label: 'resources.verifications.fields.revokeReason', required: true }}
      confirmLabel="app.verification.confirmRevoke"
      send={(reason) =>
        apiRequest<Verification>(`/verifications/${encodeURIComponent(record.id)}`, {
          method: 'DELETE',
          body: { reason },
        })
      }
      doneMessage="app.verification.revokedNotice"
    />
  );
};
