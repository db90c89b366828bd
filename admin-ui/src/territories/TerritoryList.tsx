import type { Territory } from '@convergences/contracts';
import { Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { territoryTypeChoices } from './territoryChoices';
import { TerritoryTree } from './TerritoryTree';
import { TerritoryTypeField } from './TerritoryTypeField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={territoryTypeChoices} alwaysOn />,
  <ReferenceInput key="within" source="within" reference="territories" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => (q ? { q } : {})} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <TextInput key="code" source="code" />,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<Territory>;

// The API sorts by type and code one way only: those columns do not toggle.
const TerritoryTable = () => (
  <DataTable<Territory> rowClick="edit" bulkActionButtons={false}>
    <Column source="name" />
    <Column source="type" disableSort>
      <TerritoryTypeField />
    </Column>
    <Column source="code" disableSort render={(record) => record.code ?? '—'} />
    <Column source="parentId" disableSort>
      <ReferenceField source="parentId" reference="territories" link="edit" emptyText="—" />
    </Column>
    <Column source="childrenCount" disableSort />
  </DataTable>
);

/** The territories as a paged table, or as their tree (the `within` filter picks its root). */
const TableOrTree = () => {
  const translate = useTranslate();
  const [view, setView] = useState<'list' | 'tree'>('list');
  return (
    <>
      <Tabs value={view} onChange={(_, value: 'list' | 'tree') => setView(value)} sx={{ px: 2 }}>
        <Tab value="list" label={translate('app.territory.listTab')} />
        <Tab value="tree" label={translate('app.territory.treeTab')} />
      </Tabs>
      {view === 'list' ? <TerritoryTable /> : <TerritoryTree />}
    </>
  );
};

export const TerritoryList = () => (
  <List<Territory>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    exporter={false}
  >
    <TableOrTree />
  </List>
);
