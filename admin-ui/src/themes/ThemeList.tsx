import type { Theme } from '@convergences/contracts';
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
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { TranslatedTextField, useTranslatedText } from '../common';
import { ColourField } from './ThemeColour';
import { ThemeTree } from './ThemeTree';

/** The parent filter; `source` and `alwaysOn` are read by the list's filter form. */
const ParentInput = (_props: { source: string; alwaysOn?: boolean }) => {
  const pick = useTranslatedText();
  return (
    <ReferenceInput source="parentId" reference="themes">
      <AutocompleteInput
        optionText={(theme: Theme) => pick(theme.name)}
        filterToQuery={(q: string) => (q ? { q } : {})}
        sx={{ minWidth: 260 }}
      />
    </ReferenceInput>
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ParentInput key="parentId" source="parentId" alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<Theme>;

// The API orders by position one way only: that column does not toggle.
const ThemeTable = () => (
  <DataTable<Theme> rowClick="edit" bulkActionButtons={false}>
    <Column source="colour" disableSort>
      <ColourField />
    </Column>
    <Column source="name">
      <TranslatedTextField source="name" />
    </Column>
    <Column source="parentId" disableSort>
      <ReferenceField source="parentId" reference="themes" link="edit" emptyText="—" />
    </Column>
    <Column source="position" disableSort />
  </DataTable>
);

/** The themes as a paged table, or as their tree. */
const TableOrTree = () => {
  const translate = useTranslate();
  const [view, setView] = useState<'list' | 'tree'>('list');
  return (
    <>
      <Tabs value={view} onChange={(_, value: 'list' | 'tree') => setView(value)} sx={{ px: 2 }}>
        <Tab value="list" label={translate('app.theme.listTab')} />
        <Tab value="tree" label={translate('app.theme.treeTab')} />
      </Tabs>
      {view === 'list' ? <ThemeTable /> : <ThemeTree />}
    </>
  );
};

export const ThemeList = () => (
  <List<Theme>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'position', order: 'ASC' }}
    perPage={25}
    exporter={false}
  >
    <TableOrTree />
  </List>
);
