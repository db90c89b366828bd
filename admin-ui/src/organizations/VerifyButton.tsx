import { useState } from 'react';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { apiRequest } from '../dataProvider';
import type { Organization } from '@convergences/contracts';

/** `POST /organizations/{id}/verify`; shown for pending organisations only. */
export const VerifyButton = () => {
  const record = useRecordContext<Organization>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [verifying, setVerifying] = useState(false);

  if (!record || record.status !== 'pending') return null;

  const verify = async (event: React.MouseEvent) => {
    event.stopPropagation();
    setVerifying(true);
    try {
      await apiRequest<Organization>(`/organizations/${encodeURIComponent(record.id)}/verify`, { method: 'POST' });
      notify('app.organization.verifiedNotice', { type: 'success', messageArgs: { name: record.name } });
      refresh();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Button label="app.organization.verify" onClick={verify} disabled={verifying} variant="contained" size="small">
      <VerifiedIcon />
    </Button>
  );
};
