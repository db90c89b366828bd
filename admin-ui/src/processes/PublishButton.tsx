import PublishIcon from '@mui/icons-material/Publish';
import { Button, useRecordContext } from 'react-admin';
import type { Process } from '../types';
import { useProcessMutation } from './useProcessMutation';

/** `POST /processes/{id}/publish`; shown for drafts only. */
export const PublishButton = () => {
  const record = useRecordContext<Process>();
  const publish = useProcessMutation(
    (dataProvider, id: Process['id']) => dataProvider.publishProcess(id),
    'app.process.publishedNotice',
  );
  if (!record || record.status !== 'draft') return null;
  return (
    <Button
      label="app.process.publish"
      onClick={() => publish.mutate(record.id)}
      disabled={publish.isPending}
      variant="contained"
    >
      <PublishIcon />
    </Button>
  );
};
