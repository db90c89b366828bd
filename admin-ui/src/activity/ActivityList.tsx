import type { ActivityEntry } from '@convergences/contracts';
import { Typography } from '@mui/material';
import { DataTable, DateTimeInput, List, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { LocaleDateField } from '../common';

const serviceChoices = ['members', 'processes', 'proposals', 'debates'].map((service) => ({
  id: service,
  name: `app.activity.service.${service}`,
}));

const filters = [
  <SelectInput
    key="service"
    source="service"
    label="resources.activity.fields.service"
    choices={serviceChoices}
    alwaysOn
  />,
  <TextInput key="action" source="action" label="resources.activity.fields.action" alwaysOn />,
  <TextInput key="actorId" source="actorId" label="resources.activity.fields.actorId" />,
  <TextInput key="resourceId" source="resourceId" label="resources.activity.fields.resourceId" />,
  <TextInput key="processId" source="processId" label="resources.activity.fields.processId" />,
  <DateTimeInput
    key="from"
    source="from"
    label="resources.activity.fields.from"
    parse={(value: string) => (value ? new Date(value).toISOString() : undefined)}
  />,
  <DateTimeInput
    key="to"
    source="to"
    label="resources.activity.fields.to"
    parse={(value: string) => (value ? new Date(value).toISOString() : undefined)}
  />,
];

/** Who acted: their name as it was then, or the platform itself. */
const ActorField = () => {
  const record = useRecordContext<ActivityEntry>();
  if (!record) return null;
  return <>{record.actorName ?? record.actorId ?? '—'}</>;
};

/** The details that tell the action apart, as `key: value`. */
const DetailsField = () => {
  const record = useRecordContext<ActivityEntry>();
  if (!record) return null;
  const text = Object.entries(record.details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
  return (
    <Typography variant="body2" color="text.secondary">
      {text}
    </Typography>
  );
};

/** The platform's activity log: every moderation and administration action, newest first. */
export const ActivityList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'ASC' }}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="occurredAt" label="resources.activity.fields.occurredAt" disableSort>
        <LocaleDateField source="occurredAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="actorName" label="resources.activity.fields.actor" disableSort>
        <ActorField />
      </DataTable.Col>
      <DataTable.Col source="action" label="resources.activity.fields.action" disableSort />
      <DataTable.Col source="resourceType" label="resources.activity.fields.resourceType" disableSort />
      <DataTable.Col source="resourceId" label="resources.activity.fields.resourceId" disableSort />
      <DataTable.Col source="reason" label="resources.activity.fields.reason" disableSort />
      <DataTable.Col source="details" label="resources.activity.fields.details" disableSort>
        <DetailsField />
      </DataTable.Col>
    </DataTable>
  </List>
);
