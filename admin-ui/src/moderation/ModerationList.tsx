import type { Moderation } from '@convergences/contracts';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { DataTable, List, SelectInput, useRecordContext, useTranslate } from 'react-admin';
import { LocaleDateField, useMe, useTranslatedText } from '../common';
import { ModerationButtons } from './ModerationButtons';
import { moderatedProcessesOf } from './moderatorPermission';

/** The reasons a report gives, in the order the contract lists them. */
const reportReasons = ['spam', 'offensive', 'does_not_belong'] as const;

const stateChoices = [
  { id: 'reported', name: 'app.moderation.state.reported' },
  { id: 'hidden', name: 'app.moderation.state.hidden' },
  { id: 'all', name: 'app.moderation.state.all' },
];
const typeChoices = ['comment', 'debate', 'proposal', 'person'].map((type) => ({
  id: type,
  name: `app.moderation.type.${type}`,
}));
const causeChoices = ['reports', 'moderator', 'block'].map((cause) => ({
  id: cause,
  name: `app.moderation.cause.${cause}`,
}));

function useFilters() {
  const { me } = useMe();
  const pick = useTranslatedText();
  const processChoices = moderatedProcessesOf(me).map((process) => ({
    id: process.processId,
    name: pick(process.title),
  }));
  return [
    <SelectInput
      key="state"
      source="state"
      label="resources.moderations.fields.state"
      choices={stateChoices}
      emptyText="app.moderation.state.reported"
      alwaysOn
    />,
    <SelectInput
      key="resourceType"
      source="resourceType"
      label="resources.moderations.fields.resourceType"
      choices={typeChoices}
      emptyText="app.moderation.allTypes"
      alwaysOn
    />,
    <SelectInput
      key="processId"
      source="processId"
      label="resources.moderations.fields.processId"
      choices={processChoices}
      emptyText="app.moderation.allProcesses"
    />,
    <SelectInput
      key="hiddenCause"
      source="hiddenCause"
      label="resources.moderations.fields.hiddenCause"
      choices={causeChoices}
    />,
  ];
}

/** The reported content shown in place: its kind, its title and text as they were reported. */
const ContentField = () => {
  const record = useRecordContext<Moderation>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ maxWidth: 520 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(`app.moderation.type.${record.resourceType}`)}
      </Typography>
      {record.title ? <Typography variant="subtitle2">{record.title}</Typography> : null}
      {record.excerpt ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {record.excerpt}
        </Typography>
      ) : null}
      {record.resourceType === 'person' ? (
        <Typography variant="body2">{translate('app.moderation.personReported', { id: record.resourceId })}</Typography>
      ) : null}
    </Box>
  );
};

/** Pending reports by reason, most reported first. */
const ReasonsField = () => {
  const record = useRecordContext<Moderation>();
  const translate = useTranslate();
  if (!record) return null;
  const reasons = reportReasons.filter((reason) => record.reasons[reason] > 0);
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {reasons.map((reason) => (
        <Chip
          key={reason}
          size="small"
          label={`${translate(`app.moderation.reason.${reason}`)} · ${record.reasons[reason]}`}
        />
      ))}
    </Stack>
  );
};

const StateField = () => {
  const record = useRecordContext<Moderation>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.state !== 'hidden') return <>{translate(`app.moderation.state.${record.state}`)}</>;
  return (
    <Chip
      size="small"
      color="warning"
      label={translate('app.moderation.hiddenBy', { cause: translate(`app.moderation.cause.${record.hiddenCause}`) })}
      title={record.justification ?? undefined}
    />
  );
};

const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body1" color="text.secondary" sx={{ m: 2 }}>
      {translate('app.moderation.empty')}
    </Typography>
  );
};

/** The moderation queue: reported content (or hidden content) of the processes the person moderates. */
export const ModerationList = () => (
  <List
    filters={useFilters()}
    filterDefaultValues={{ state: 'reported' }}
    sort={{ field: 'id', order: 'ASC' }}
    empty={<Empty />}
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="excerpt" label="resources.moderations.fields.content" disableSort>
        <ContentField />
      </DataTable.Col>
      <DataTable.Col source="reportsCount" label="resources.moderations.fields.reportsCount" disableSort />
      <DataTable.Col source="reasons" label="resources.moderations.fields.reasons" disableSort>
        <ReasonsField />
      </DataTable.Col>
      <DataTable.Col source="state" label="resources.moderations.fields.state" disableSort>
        <StateField />
      </DataTable.Col>
      <DataTable.Col source="lastReportedAt" label="resources.moderations.fields.lastReportedAt" disableSort>
        <LocaleDateField source="lastReportedAt" showTime />
      </DataTable.Col>
      <DataTable.Col label="resources.moderations.fields.actions" disableSort>
        <ModerationButtons />
      </DataTable.Col>
    </DataTable>
  </List>
);
