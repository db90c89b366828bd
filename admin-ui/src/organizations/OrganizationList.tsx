import type { Organization } from '@convergences/contracts';
import { Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { LocaleDateField, TerritoryInput } from '../common';
import { kindChoices, statusChoices } from './organizationChoices';
import { KindField, NetworksField, OrganizationStatusChip } from './OrganizationFields';
import { OrganizationMap } from './OrganizationMap';
import { VerifyButton } from './VerifyButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <TerritoryInput key="territoryId" source="territoryId" alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<Organization>;

const OrganizationTable = () => (
  <DataTable<Organization> rowClick="show" bulkActionButtons={false}>
    <Column source="name" />
    <Column source="kind" disableSort>
      <KindField />
    </Column>
    <Column source="status" disableSort>
      <OrganizationStatusChip />
    </Column>
    <Column source="networks" disableSort>
      <NetworksField />
    </Column>
    <Column source="createdAt" disableSort>
      <LocaleDateField source="createdAt" />
    </Column>
    <Column source="actions" label="" disableSort>
      <VerifyButton />
    </Column>
  </DataTable>
);

/** The organisations as a table (with their status and a Verify button) or as a map of the verified ones. */
const ListOrMap = () => {
  const translate = useTranslate();
  const [view, setView] = useState<'list' | 'map'>('list');
  return (
    <>
      <Tabs value={view} onChange={(_, value: 'list' | 'map') => setView(value)} sx={{ px: 2 }}>
        <Tab value="list" label={translate('app.organization.listTab')} />
        <Tab value="map" label={translate('app.organization.mapTab')} />
      </Tabs>
      {view === 'list' ? <OrganizationTable /> : <OrganizationMap />}
    </>
  );
};

export const OrganizationList = () => (
  <List<Organization>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    exporter={false}
  >
    <ListOrMap />
  </List>
);
