import { CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { LocaleDateField, TranslatedTextField } from '../common';
import type { Process } from '../types';
import { statusChoices, visibilityChoices } from './processChoices';
import { StatusChip, VisibilityChip } from './StatusChip';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <SelectInput key="visibility" source="visibility" choices={visibilityChoices} alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<Process>;

export const ProcessList = () => (
  <List<Process>
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<Process> rowClick="show" bulkActionButtons={false}>
      <Column source="title">
        <TranslatedTextField source="title" />
      </Column>
      <Column source="slug" disableSort />
      <Column source="status" disableSort>
        <StatusChip />
      </Column>
      <Column source="visibility" disableSort>
        <VisibilityChip />
      </Column>
      <Column source="startDate">
        <LocaleDateField source="startDate" emptyText="—" />
      </Column>
      <DataTable.NumberCol<Process> source="proposalsCount" disableSort />
      <Column source="createdAt">
        <LocaleDateField source="createdAt" showTime />
      </Column>
    </DataTable>
  </List>
);
