import type { ProgressAction } from '@convergences/contracts';
import AddIcon from '@mui/icons-material/Add';
import { Box } from '@mui/material';
import {
  Button,
  DataTable,
  LinkBase,
  ListContextProvider,
  ResourceContextProvider,
  useGetList,
  useList,
} from 'react-admin';
import { QueryList } from '../common';
import { progressColumns } from './ProgressPlanList';

export interface ProgressPlansPanelProps {
  campaignId: string;
  /** A subject's actions only: its organisation's, and its id to start a new one with. */
  subject?: { id: string; organizationId: string };
}

/** The progress actions recorded after a campaign (or for one of its subjects), and a button to add one. */
export const ProgressPlansPanel = ({ campaignId, subject }: ProgressPlansPanelProps) => {
  const { data, isPending, error } = useGetList<ProgressAction>('progress-plans', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'due', order: 'ASC' },
    filter: { campaignId, ...(subject ? { organizationId: subject.organizationId } : {}) },
  });
  const listContext = useList({ data: data ?? [] });
  const source = JSON.stringify({ campaignId, ...(subject ? { subjectId: subject.id } : {}) });
  return (
    <Box>
      <QueryList
        items={data}
        isPending={isPending}
        error={error}
        unavailable="app.evaluation.progress.unavailable"
        none="app.evaluation.progress.none"
      >
        {() => (
          <ResourceContextProvider value="progress-plans">
            <ListContextProvider value={listContext}>
              <Box data-testid="progress-plans">
                <DataTable<ProgressAction> rowClick="edit" bulkActionButtons={false}>
                  {progressColumns()}
                </DataTable>
              </Box>
            </ListContextProvider>
          </ResourceContextProvider>
        )}
      </QueryList>
      <Button
        component={LinkBase}
        to={{ pathname: '/progress-plans/create', search: `?source=${encodeURIComponent(source)}` }}
        label="app.evaluation.progress.create"
        sx={{ mt: 1 }}
      >
        <AddIcon />
      </Button>
    </Box>
  );
};
