import {
  DataTable,
  ListButton,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { LocaleDateField, useTranslatedText } from '../common';
import type { Process, Proposal } from '../types';
import { PublishButton } from './PublishButton';
import { StatusChip } from './StatusChip';

const ProcessTitle = () => {
  const record = useRecordContext<Process>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const name = translate('resources.processes.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${pick(record.title)} »` : name}</span>;
};

const ShowActions = () => (
  <TopToolbar>
    <PublishButton />
    <ListButton />
  </TopToolbar>
);

const preLine = { whiteSpace: 'pre-line' } as const;

const ProposalColumn = DataTable.Col<Proposal>;

export const ProcessShow = () => (
  <Show<Process> title={<ProcessTitle />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="title.fr" label="resources.processes.fields.title_fr" />
      <TextField source="title.en" label="resources.processes.fields.title_en" emptyText="—" />
      <TextField source="description.fr" label="resources.processes.fields.description_fr" sx={preLine} />
      <TextField source="description.en" label="resources.processes.fields.description_en" emptyText="—" sx={preLine} />
      <TextField source="slug" />
      <StatusChip label="resources.processes.fields.status" />
      <NumberField source="proposalsCount" />
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="updatedAt" showTime />
      <LocaleDateField source="publishedAt" showTime emptyText="—" />
      <ReferenceManyField
        reference="proposals"
        target="processId"
        label="app.process.proposals"
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        empty={<EmptyProposals />}
      >
        <DataTable<Proposal> rowClick="show" bulkActionButtons={false}>
          <ProposalColumn source="reference" disableSort />
          <ProposalColumn source="title" />
          <ProposalColumn source="authorName" disableSort />
          <ProposalColumn source="createdAt">
            <LocaleDateField source="createdAt" showTime />
          </ProposalColumn>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const EmptyProposals = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.process.noProposals')}
    </Typography>
  );
};
