import { useState } from 'react';
import PublishIcon from '@mui/icons-material/Publish';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { Process } from '../types';

/** `POST /processes/{id}/publish`; shown for drafts only. */
export const PublishButton = () => {
  const record = useRecordContext<Process>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [publishing, setPublishing] = useState(false);

  if (!record || record.status !== 'draft') return null;

  const publish = async () => {
    setPublishing(true);
    try {
      await dataProvider.publishProcess(record.id);
      notify('app.process.publishedNotice', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPublishing(false);
    }
  };

  return (
    <Button label="app.process.publish" onClick={publish} disabled={publishing} variant="contained">
      <PublishIcon />
    </Button>
  );
};
