import type { AdminPerson } from '@convergences/contracts';
import { DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { LocaleDateField } from '../common';
import { BlockStateChip, blockedChoices } from './BlockStateChip';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="blocked" source="blocked" choices={blockedChoices} alwaysOn />,
];

const Column = DataTable.Col<AdminPerson>;

/** People, searchable by nickname, display name or email, filterable by block state. */
export const PersonList = () => (
  <List<AdminPerson>
    filters={filters}
    actions={false}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable<AdminPerson> rowClick="show" bulkActionButtons={false}>
      <Column source="nickname" />
      <Column source="displayName" />
      <Column source="email" disableSort />
      <Column source="roles" disableSort render={(record) => record.roles.join(', ')} />
      <Column source="blocked" disableSort>
        <BlockStateChip />
      </Column>
      <Column source="createdAt">
        <LocaleDateField source="createdAt" showTime />
      </Column>
    </DataTable>
  </List>
);
