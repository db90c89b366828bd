import type { AdminPerson } from '@convergences/contracts';
import { Chip, Stack } from '@mui/material';
import {
  type FieldProps,
  ListButton,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../common';
import { BlockButton, UnblockButton } from './BlockButtons';
import { BlockStateChip } from './BlockStateChip';
import { PersonVerifications } from './PersonVerifications';

const PersonTitle = () => {
  const record = useRecordContext<AdminPerson>();
  const translate = useTranslate();
  const name = translate('resources.people.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${record.displayName} » (@${record.nickname})` : name}</span>;
};

/** The realm roles last seen in the person's token (mirrored, never edited here). */
const RolesField = (props: Partial<FieldProps<AdminPerson>>) => {
  const record = useRecordContext<AdminPerson>(props);
  const translate = useTranslate();
  if (!record) return null;
  if (record.roles.length === 0) return <span>{translate('app.user.noRole')}</span>;
  return (
    <Stack direction="row" spacing={1}>
      {record.roles.map((role) => (
        <Chip key={role} size="small" variant="outlined" label={role} />
      ))}
    </Stack>
  );
};

const ShowActions = () => (
  <TopToolbar>
    <BlockButton />
    <UnblockButton />
    <ListButton />
  </TopToolbar>
);

const preLine = { whiteSpace: 'pre-line' } as const;

export const PersonShow = () => (
  <Show<AdminPerson> title={<PersonTitle />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="nickname" />
      <TextField source="displayName" />
      <TextField source="username" />
      <TextField source="email" emptyText="—" />
      <RolesField label="resources.people.fields.roles" />
      <TextField source="locale" />
      <ReferenceField source="territoryId" reference="territories" link={false} emptyText="—" />
      <TextField source="profileVisibility" />
      <TextField source="bio" emptyText="—" sx={preLine} />
      <NumberField source="proposalsCount" />
      <BlockStateChip label="resources.people.fields.blocked" />
      <LocaleDateField source="blockedAt" showTime emptyText="—" />
      <TextField source="blockReason" emptyText="—" sx={preLine} />
      <ReferenceField source="blockedBy" reference="people" link="show" emptyText="—">
        <TextField source="nickname" />
      </ReferenceField>
      <LocaleDateField source="createdAt" showTime />
      <LocaleDateField source="lastSeenAt" showTime />
      <PersonVerifications />
    </SimpleShowLayout>
  </Show>
);
