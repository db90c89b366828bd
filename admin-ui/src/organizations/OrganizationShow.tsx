import type { Organization } from '@convergences/contracts';
import {
  EditButton,
  Labeled,
  ListButton,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocaleDateField } from '../common';
import { KindField, NetworksField, OrganizationStatusChip } from './OrganizationFields';
import { OrganizationMembers } from './OrganizationMembers';
import { VerifyButton } from './VerifyButton';

const OrganizationTitle = () => {
  const record = useRecordContext<Organization>();
  const translate = useTranslate();
  const name = translate('resources.organizations.name', { smart_count: 1 });
  return <span>{record ? `${name} « ${record.name} »` : name}</span>;
};

const ShowActions = () => (
  <TopToolbar>
    <VerifyButton />
    <EditButton />
    <ListButton />
  </TopToolbar>
);

const preLine = { whiteSpace: 'pre-line' } as const;

export const OrganizationShow = () => (
  <Show<Organization> title={<OrganizationTitle />} actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="slug" />
      <KindField label="resources.organizations.fields.kind" />
      <OrganizationStatusChip label="resources.organizations.fields.status" />
      <LocaleDateField source="verifiedAt" showTime emptyText="—" />
      <TextField
        source="description.fr"
        label="resources.organizations.fields.description_fr"
        emptyText="—"
        sx={preLine}
      />
      <TextField
        source="description.en"
        label="resources.organizations.fields.description_en"
        emptyText="—"
        sx={preLine}
      />
      <UrlField source="website" emptyText="—" target="_blank" rel="noopener noreferrer" />
      <TextField source="address" emptyText="—" />
      <ReferenceField source="territoryId" reference="territories" link={false} emptyText="—" />
      <NumberField source="latitude" emptyText="—" options={{ maximumFractionDigits: 6 }} />
      <NumberField source="longitude" emptyText="—" options={{ maximumFractionDigits: 6 }} />
      <NetworksField label="resources.organizations.fields.networks" />
      <LocaleDateField source="createdAt" showTime />
      <Labeled label="app.organization.members" fullWidth>
        <OrganizationMembers />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
