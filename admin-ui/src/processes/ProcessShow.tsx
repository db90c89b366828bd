import type { Theme } from '@convergences/contracts';
import { Chip, Typography } from '@mui/material';
import {
  DataTable,
  EditButton,
  Labeled,
  ListButton,
  NumberField,
  Pagination,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField, useTranslatedText } from '../common';
import { ProcessDebatesPanel } from '../debates';
import { ProcessAnswersPanel } from '../proposals/ProcessAnswersPanel';
import type { Process, Proposal } from '../types';
import { CloseButton } from './CloseButton';
import { CopyButton } from './CopyButton';
import { ProcessInvitations } from './invitations/ProcessInvitations';
import { PhaseTimeline } from './phases/PhaseTimeline';
import { usePhases } from './phases/usePhases';
import { PublishButton } from './PublishButton';
import { ProcessRoles } from './roles/ProcessRoles';
import { SettingsSummary } from './SettingsSummary';
import { ProcessStatsPanel } from './stats';
import { StatusChip, VisibilityChip } from './StatusChip';

const ProcessTitle = () => {
  const record = useRecordContext<Process>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const name = translate('resources.processes.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${pick(record.title)} »` : name}</span>;
};

/** Edit while the process runs; publish a draft, close a running one, copy any. */
const ShowActions = () => {
  const record = useRecordContext<Process>();
  return (
    <TopToolbar>
      <PublishButton />
      <CloseButton />
      <CopyButton />
      {record && record.status !== 'closed' ? <EditButton /> : null}
      <ListButton />
    </TopToolbar>
  );
};

const ThemeChip = () => {
  const theme = useRecordContext<Theme>();
  const pick = useTranslatedText();
  if (!theme) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={pick(theme.name)}
      sx={{ borderColor: theme.colour, '& .MuiChip-label': { color: 'text.primary' } }}
    />
  );
};

/** The phase that is open now, by name. */
const ActivePhaseField = (_props: { label?: string }) => {
  const process = useRecordContext<Process>();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const { data: phases } = usePhases(process?.id);
  if (!process) return null;
  const active = phases?.find((phase) => phase.id === process.activePhaseId);
  return (
    <Typography variant="body2" data-testid="active-phase">
      {active ? pick(active.title) : translate('app.phase.noActive')}
    </Typography>
  );
};

const EmptyProposals = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.process.noProposals')}
    </Typography>
  );
};

const preLine = { whiteSpace: 'pre-line' } as const;
const ProposalColumn = DataTable.Col<Proposal>;

/** The process's tabs; invitations only for a private process. */
const ProcessTabs = () => {
  const record = useRecordContext<Process>();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.process.tabs.overview">
        <TextField source="title.fr" label="resources.processes.fields.title_fr" />
        <TextField source="title.en" label="resources.processes.fields.title_en" emptyText="—" />
        <TextField source="subtitle.fr" label="resources.processes.fields.subtitle_fr" emptyText="—" />
        <TextField source="subtitle.en" label="resources.processes.fields.subtitle_en" emptyText="—" />
        <TextField source="description.fr" label="resources.processes.fields.description_fr" sx={preLine} />
        <TextField
          source="description.en"
          label="resources.processes.fields.description_en"
          emptyText="—"
          sx={preLine}
        />
        <TextField source="slug" />
        <StatusChip label="resources.processes.fields.status" />
        <VisibilityChip label="resources.processes.fields.visibility" />
        <ActivePhaseField label="resources.processes.fields.activePhaseId" />
        <ReferenceField source="organizerId" reference="organizations" link="show" emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceField source="territoryId" reference="territories" link={false} emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <ReferenceArrayField source="themeIds" reference="themes" emptyText="—">
          <SingleFieldList linkType={false}>
            <ThemeChip />
          </SingleFieldList>
        </ReferenceArrayField>
        <LocaleDateField source="startDate" emptyText="—" />
        <LocaleDateField source="endDate" emptyText="—" />
        <UrlField source="bannerUrl" emptyText="—" target="_blank" rel="noopener noreferrer" />
        <NumberField source="proposalsCount" />
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="updatedAt" showTime />
        <LocaleDateField source="publishedAt" showTime emptyText="—" />
        <LocaleDateField source="closedAt" showTime emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.process.tabs.phases" path="phases">
        <PhaseTimeline />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.process.tabs.settings" path="settings">
        <Labeled label="app.process.settings.section" fullWidth>
          <SettingsSummary />
        </Labeled>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.process.tabs.roles" path="roles">
        <ProcessRoles />
      </TabbedShowLayout.Tab>
      {record?.visibility === 'private' ? (
        <TabbedShowLayout.Tab label="app.process.tabs.invitations" path="invitations">
          <ProcessInvitations />
        </TabbedShowLayout.Tab>
      ) : null}
      <TabbedShowLayout.Tab label="app.process.tabs.proposals" path="proposals">
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
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.process.tabs.debates" path="debates">
        <ProcessDebatesPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.process.tabs.answers" path="answers">
        <ProcessAnswersPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.process.tabs.stats" path="stats">
        <ProcessStatsPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  );
};

export const ProcessShow = () => (
  <Show<Process> title={<ProcessTitle />} actions={<ShowActions />}>
    <ProcessTabs />
  </Show>
);
