import {
  DataTable,
  Labeled,
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

/** Shown only when the English version exists. */
const EnglishText = ({ source, label, multiline }: { source: 'title' | 'description'; label: string; multiline?: boolean }) => {
  const record = useRecordContext<Process>();
  const value = record?.[source]?.en;
  if (!value) return null;
  return (
    <Labeled label={label}>
      <Typography component="span" variant="body2" sx={multiline ? { whiteSpace: 'pre-line' } : undefined}>
        {value}
      </Typography>
    </Labeled>
  );
};

const FrenchText = ({ source, label, multiline }: { source: 'title' | 'description'; label: string; multiline?: boolean }) => {
  const record = useRecordContext<Process>();
  return (
    <Labeled label={label}>
      <Typography component="span" variant="body2" sx={multiline ? { whiteSpace: 'pre-line' } : undefined}>
        {record?.[source]?.fr ?? ''}
      </Typography>
    </Labeled>
  );
};

const ProposalColumn = DataTable.Col<Proposal>;

export const ProcessShow = () => (
  <Show<Process> title={<ProcessTitle />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <FrenchText source="title" label="resources.processes.fields.title_fr" />
      <EnglishText source="title" label="resources.processes.fields.title_en" />
      <FrenchText source="description" label="resources.processes.fields.description_fr" multiline />
      <EnglishText source="description" label="resources.processes.fields.description_en" multiline />
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

