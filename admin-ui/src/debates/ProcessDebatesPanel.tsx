import type { Debate } from '@convergences/contracts';
import ListIcon from '@mui/icons-material/List';
import { Stack, Typography } from '@mui/material';
import {
  Button,
  DataTable,
  LinkBase,
  Pagination,
  ReferenceManyField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Process } from '../types';
import { CreateDebateButton, debateColumns } from './DebateList';

const NoDebate = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.debate.none')}
    </Typography>
  );
};

/** The process page's "Debates" tab: its newest debates, opening an official one, the full list with its filters. */
export const ProcessDebatesPanel = () => {
  const process = useRecordContext<Process>();
  if (!process) return null;
  return (
    <Stack sx={{ gap: 2, width: '100%' }}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <CreateDebateButton processId={process.id} />
        <Button
          component={LinkBase}
          label="app.debate.seeAll"
          to={{
            pathname: '/debates',
            search: `?filter=${encodeURIComponent(JSON.stringify({ processId: process.id }))}`,
          }}
        >
          <ListIcon />
        </Button>
      </Stack>
      <ReferenceManyField
        reference="debates"
        target="processId"
        sort={{ field: 'recent', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        empty={<NoDebate />}
      >
        <DataTable<Debate> rowClick="show" bulkActionButtons={false}>
          {debateColumns()}
        </DataTable>
      </ReferenceManyField>
    </Stack>
  );
};
